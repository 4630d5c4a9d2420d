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

        await store.SaveAsync(directory, cancellationToken);
        cache.Invalidate(directory.TenantId);
        return [];
    }
}
