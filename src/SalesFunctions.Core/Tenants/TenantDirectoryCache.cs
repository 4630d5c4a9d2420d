namespace SalesFunctions.Core.Tenants;

/// <summary>Every queue message needs its tenant's directory; it is read at most once per <see cref="PerTenantCache{T}.TimeToLive"/>.</summary>
public sealed class TenantDirectoryCache(ITenantDirectoryStore store, TimeProvider time)
{
    private readonly PerTenantCache<TenantDirectory> _cache = new(time);

    public Task<TenantDirectory> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        _cache.GetAsync(tenantId, async () => await store.GetAsync(tenantId, cancellationToken) ?? throw new TenantNotConfiguredException(tenantId));

    /// <summary>Called after an import in this process so that it applies at once here.</summary>
    public void Invalidate(string tenantId) => _cache.Invalidate(tenantId);
}
