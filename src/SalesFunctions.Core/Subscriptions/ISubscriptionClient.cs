namespace SalesFunctions.Core.Subscriptions;

/// <summary>Creates and manages change-notification subscriptions at the mail provider (Microsoft Graph).</summary>
public interface ISubscriptionClient
{
    /// <summary>Creates a subscription; throws <see cref="SubscriptionConflictException"/> when one exists for the combination.</summary>
    Task<CreatedSubscription> CreateAsync(string tenantId, SubscriptionRequest request, CancellationToken cancellationToken);

    /// <summary>Extends (and so reauthorizes) a subscription; null when Graph no longer has it.</summary>
    Task<CreatedSubscription?> RenewAsync(string tenantId, string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task DeleteAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken);
}
