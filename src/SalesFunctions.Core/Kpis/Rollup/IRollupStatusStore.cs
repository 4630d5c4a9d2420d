namespace SalesFunctions.Core.Kpis.Rollup;

public interface IRollupStatusStore
{
    Task SaveAsync(RollupRun run, CancellationToken cancellationToken);

    Task<RollupRun?> GetLastAsync(CancellationToken cancellationToken);

    /// <summary>By tenant id, what each tenant's whole history was last recomputed with; a tenant never rebuilt has none.</summary>
    Task<IReadOnlyDictionary<string, CatalogueStamp>> GetCatalogueStampsAsync(CancellationToken cancellationToken);

    Task SaveCatalogueStampAsync(string tenantId, CatalogueStamp stamp, CancellationToken cancellationToken);
}
