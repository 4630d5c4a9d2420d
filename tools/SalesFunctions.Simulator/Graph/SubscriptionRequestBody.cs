namespace SalesFunctions.Simulator.Graph;

public sealed record SubscriptionRequestBody(
    string? ChangeType,
    string? NotificationUrl,
    string? LifecycleNotificationUrl,
    string? Resource,
    DateTimeOffset? ExpirationDateTime,
    string? ClientState);
