using Microsoft.Extensions.Options;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>The catalogue settings of one tenant: the per-email estimate from options, targets from the tenant's store.</summary>
public sealed class KpiSettingsSource(IOptionsMonitor<KpiOptions> options)
{
    public Task<KpiSettings> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new KpiSettings { MinutesPerEmail = options.CurrentValue.MinutesPerEmail });
    }
}
