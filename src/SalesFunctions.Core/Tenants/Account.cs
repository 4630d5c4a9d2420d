using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// A customer account. The firmographics are optional init properties rather than constructor parameters so every
/// existing caller keeps compiling; territory rules read them (src/SalesFunctions.Core/Territories).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Account(string Id, string Name, IReadOnlyList<string> Domains)
{
    // Unset firmographics are left out when written so stored directories keep their previous shape.

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. "DE".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Country { get; init; }

    /// <summary>State, province or region within the country, e.g. "BY" or "CA".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Region { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PostalCode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Industry { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Employees { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? AnnualRevenue { get; init; }
}
