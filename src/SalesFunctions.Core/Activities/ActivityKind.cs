using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Activities;

[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    Email,
    Meeting,
}
