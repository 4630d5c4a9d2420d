using SalesFunctions.Core.Sync;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemorySyncStateStore : ISyncStateStore
{
    private readonly Dictionary<(string, string, string), SyncState> _states = [];

    public List<SyncState> Saved { get; } = [];

    public Task<SyncState?> GetAsync(string tenantId, string mailbox, string folder, CancellationToken cancellationToken) =>
        Task.FromResult(_states.GetValueOrDefault((tenantId, mailbox, folder)));

    public Task SaveAsync(SyncState state, CancellationToken cancellationToken)
    {
        _states[(state.TenantId, state.Mailbox, state.Folder)] = state;
        Saved.Add(state);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SyncState>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SyncState>>(_states.Values.Where(s => s.TenantId == tenantId).ToList());

    public Task DeleteAsync(SyncState state, CancellationToken cancellationToken)
    {
        _states.Remove((state.TenantId, state.Mailbox, state.Folder));
        return Task.CompletedTask;
    }
}
