namespace SalesFunctions.Core.Subscriptions;

/// <param name="Event">Graph's lifecycleEvent: reauthorizationRequired, subscriptionRemoved or missed.</param>
public sealed record LifecycleNotice(string TenantId, string SubscriptionId, string Event);
