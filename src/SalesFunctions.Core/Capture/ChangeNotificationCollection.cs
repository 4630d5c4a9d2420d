using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Capture;

/// <summary>The body Graph POSTs: one or more notifications, possibly for different subscriptions.</summary>
public sealed record ChangeNotificationCollection(
    [property: JsonPropertyName("value")] IReadOnlyList<ChangeNotification?>? Value);
