using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Storage;

/// <summary>A blob lease per tenant in the locks container (rollups/{tenantId}).</summary>
public sealed class BlobRollupLocks(StorageLocks locks, TimeProvider time) : IRollupLocks
{
    public async Task<IAsyncDisposable?> TryLockTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        await BlobLock.TryAcquireAsync(locks.Container.GetBlobClient($"rollups/{tenantId}"), time, cancellationToken);
}
