using SalesFunctions.Core.Crm;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// Every queue message needs its tenant's directory; it is read at most once per <see cref="PerTenantCache{T}.TimeToLive"/>,
/// together with the accounts and contacts the tenant's CRMs sent (<see cref="CrmDirectory"/>), which extend it.
/// </summary>
public sealed class TenantDirectoryCache(ITenantDirectoryStore store, TimeProvider time, ICrmStore? crm = null)
{
    private readonly PerTenantCache<TenantDirectory> _cache = new(time);

    public Task<TenantDirectory> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        _cache.GetAsync(tenantId, async () =>
        {
            var imported = await store.GetAsync(tenantId, cancellationToken) ?? throw new TenantNotConfiguredException(tenantId);
            if (crm is null)
            {
                return imported;
            }

            var accounts = await crm.ListAsync(tenantId, CrmEntityKind.Account, cancellationToken).ToListAsync(cancellationToken);
            var contacts = await crm.ListAsync(tenantId, CrmEntityKind.Contact, cancellationToken).ToListAsync(cancellationToken);
            return accounts.Count + contacts.Count == 0 ? imported : CrmDirectory.Extend(imported, accounts, contacts);
        });

    /// <summary>Called after an import in this process so that it applies at once here.</summary>
    public void Invalidate(string tenantId) => _cache.Invalidate(tenantId);
}
