using SalesFunctions.Core.Privacy;

namespace SalesFunctions.Core.Tenants;

/// <summary>Imports a tenant's directory. An invalid directory never replaces the stored one.</summary>
public sealed class TenantDirectoryService(ITenantDirectoryStore store, TenantDirectoryCache cache)
{
    public async Task<IReadOnlyList<string>> ImportAsync(TenantDirectory directory, CancellationToken cancellationToken)
    {
        var errors = directory.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        // The privacy policy has its own endpoint (PrivacyService), which purges what a stricter one excludes.
        var current = await store.GetAsync(directory.TenantId, cancellationToken);
        await store.SaveAsync(directory with { Privacy = current?.Privacy ?? PrivacyPolicy.Default }, cancellationToken);
        cache.Invalidate(directory.TenantId);
        return [];
    }
}
