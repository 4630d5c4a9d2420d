namespace SalesFunctions.Core.Sync;

public interface ISyncStateStore
{
    Task<SyncState?> GetAsync(string tenantId, string mailbox, string folder, CancellationToken cancellationToken);

    Task SaveAsync(SyncState state, CancellationToken cancellationToken);

    Task<IReadOnlyList<SyncState>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Forgets one mailbox folder's state and cursor; absent states are not an error.</summary>
    Task DeleteAsync(SyncState state, CancellationToken cancellationToken);
}
