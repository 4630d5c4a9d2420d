namespace SalesFunctions.Core.Tenants;

public interface ITenantDirectoryStore
{
    Task<TenantDirectory?> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the tenant's whole directory.</summary>
    Task SaveAsync(TenantDirectory directory, CancellationToken cancellationToken);
}
