using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Tenants;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Team(string Id, string Name)
{
    /// <summary>
    /// The sign-in addresses of the team's managers: a caller in the Manager role reads the teams that list them
    /// (docs/security.md).
    /// </summary>
    public IReadOnlyList<string> Managers { get; init; } = [];
}
