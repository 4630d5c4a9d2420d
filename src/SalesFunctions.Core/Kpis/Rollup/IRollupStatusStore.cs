namespace SalesFunctions.Core.Kpis.Rollup;

public interface IRollupStatusStore
{
    Task SaveAsync(RollupRun run, CancellationToken cancellationToken);

    Task<RollupRun?> GetLastAsync(CancellationToken cancellationToken);

    /// <summary>By tenant id, what each tenant's whole history was last recomputed with; a tenant never rebuilt has none.</summary>
    Task<IReadOnlyDictionary<string, CatalogueStamp>> GetCatalogueStampsAsync(CancellationToken cancellationToken);

    Task SaveCatalogueStampAsync(string tenantId, CatalogueStamp stamp, CancellationToken cancellationToken);

    /// <summary>Records an input set aside; the same tenant and input replace the earlier record.</summary>
    Task SaveFailureAsync(RollupFailure failure, CancellationToken cancellationToken);

    Task<IReadOnlyList<RollupFailure>> ListFailuresAsync(CancellationToken cancellationToken);

    /// <summary>Forgets one failure: the tenant it stopped rolled up since.</summary>
    Task DeleteFailureAsync(string tenantId, string input, CancellationToken cancellationToken);

    /// <summary>Forgets a tenant's failures: a full rebuild has recomputed everything they left out.</summary>
    Task ClearFailuresAsync(string tenantId, CancellationToken cancellationToken);
}
