namespace SalesFunctions.Core.Subscriptions;

public interface ISubscriptionStore
{
    Task SaveAsync(SubscriptionRecord subscription, CancellationToken cancellationToken);

    Task<SubscriptionRecord?> FindAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every tenant's subscriptions, for the renewal timer.</summary>
    Task<IReadOnlyList<SubscriptionRecord>> ListAllAsync(CancellationToken cancellationToken);

    Task DeleteAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken);
}
