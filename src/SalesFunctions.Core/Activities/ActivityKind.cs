using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Activities;

[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    Email,
    Meeting,

    /// <summary>A Teams or phone call, or a call logged in a CRM (docs/calls.md).</summary>
    Call,
}
