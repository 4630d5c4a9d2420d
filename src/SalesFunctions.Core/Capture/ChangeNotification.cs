using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Capture;

/// <summary>One item of a Graph change-notification POST (basic notifications, no resource data).</summary>
public sealed record ChangeNotification(
    [property: JsonPropertyName("subscriptionId")] string? SubscriptionId,
    [property: JsonPropertyName("clientState")] string? ClientState,
    [property: JsonPropertyName("changeType")] string? ChangeType,
    [property: JsonPropertyName("resource")] string? Resource,
    [property: JsonPropertyName("tenantId")] string? TenantId,
    [property: JsonPropertyName("lifecycleEvent")] string? LifecycleEvent,
    [property: JsonPropertyName("resourceData")] ChangeNotificationResourceData? ResourceData);
