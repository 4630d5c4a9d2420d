using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Graph.Tests;

/// <summary>The demo tenant with no reps or accounts: the Graph adapter reads only its privacy policy.</summary>
public sealed class FixedDirectoryStore : ITenantDirectoryStore
{
    public PrivacyPolicy Privacy { get; set; } = PrivacyPolicy.Default;

    public Task<TenantDirectory?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<TenantDirectory?>(tenantId == DemoOrganisation.TenantId
            ? new TenantDirectory(tenantId, [DemoOrganisation.InternalDomain], "UTC", [], [], []) { Privacy = Privacy }
            : null);

    public Task SaveAsync(TenantDirectory directory, CancellationToken cancellationToken) => throw new NotSupportedException();
}
