namespace SalesFunctions.Core.Kpis;

public interface IRollupStatusStore
{
    Task SaveAsync(RollupRun run, CancellationToken cancellationToken);

    Task<RollupRun?> GetLastAsync(CancellationToken cancellationToken);

    /// <summary>The catalogue version the tenant's whole history was last recomputed with, or null when never.</summary>
    Task<int?> GetCatalogueVersionAsync(string tenantId, CancellationToken cancellationToken);

    Task SaveCatalogueVersionAsync(string tenantId, int version, CancellationToken cancellationToken);
}
