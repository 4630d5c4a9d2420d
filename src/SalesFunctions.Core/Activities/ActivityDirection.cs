using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Activities;

/// <summary>Seen from the selling organisation: outbound when an internal person wrote or organised it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityDirection>))]
public enum ActivityDirection
{
    Outbound,
    Inbound,
}
