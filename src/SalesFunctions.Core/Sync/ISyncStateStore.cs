namespace SalesFunctions.Core.Sync;

public interface ISyncStateStore
{
    Task<SyncState?> GetAsync(string tenantId, string mailbox, string folder, CancellationToken cancellationToken);

    Task SaveAsync(SyncState state, CancellationToken cancellationToken);

    Task<IReadOnlyList<SyncState>> ListAsync(string tenantId, CancellationToken cancellationToken);
}
