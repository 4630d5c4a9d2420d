using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Capture;

public sealed record ChangeNotificationResourceData(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("@odata.type")] string? ODataType);
