namespace SalesFunctions.Core.Subscriptions;

public sealed record SubscriptionRequest(
    string Resource,
    string ChangeType,
    Uri NotificationUrl,
    Uri? LifecycleNotificationUrl,
    DateTimeOffset ExpiresAt,
    string ClientState);
