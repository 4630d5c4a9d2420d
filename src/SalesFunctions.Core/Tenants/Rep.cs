using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Tenants;

/// <summary>A rep; activities count for the rep on <see cref="Email"/> and on every one of <see cref="Aliases"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Rep(string Id, string Email, string Name, string TeamId)
{
    /// <summary>The rep's other addresses: aliases, Exchange proxyAddresses, the old domain after a rename.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The rep's Entra ID object id: Teams call records name users by it (and by UPN, which may differ from the address).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserId { get; init; }

    /// <summary>The primary address, then the aliases.</summary>
    [JsonIgnore]
    public IEnumerable<string> Addresses => Aliases.Prepend(Email);
}
