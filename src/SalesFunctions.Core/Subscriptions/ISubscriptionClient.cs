namespace SalesFunctions.Core.Subscriptions;

/// <summary>Creates and manages change-notification subscriptions at the mail provider (Microsoft Graph).</summary>
public interface ISubscriptionClient
{
    Task<CreatedSubscription> CreateAsync(string tenantId, SubscriptionRequest request, CancellationToken cancellationToken);

    Task DeleteAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken);
}
