using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly Dictionary<(string Tenant, string Id), SubscriptionRecord> _records = [];

    public IReadOnlyCollection<SubscriptionRecord> All => _records.Values.ToList();

    public Task SaveAsync(SubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        _records[(subscription.TenantId, subscription.SubscriptionId)] = subscription;
        return Task.CompletedTask;
    }

    public Task<SubscriptionRecord?> FindAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault((tenantId, subscriptionId)));

    public Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SubscriptionRecord>>(_records.Values.Where(r => r.TenantId == tenantId).ToList());

    public Task<IReadOnlyList<SubscriptionRecord>> ListAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SubscriptionRecord>>(_records.Values.ToList());

    public Task DeleteAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        _records.Remove((tenantId, subscriptionId));
        return Task.CompletedTask;
    }
}
