namespace SalesFunctions.Core.Territories;

/// <summary>
/// A node of the territory hierarchy (territory → region → global via <see cref="ParentId"/>). A territory without
/// rules only groups its children; a territory is assigned when any of its rules matches.
/// </summary>
public sealed record Territory
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? ParentId { get; init; }

    public TerritoryKind Kind { get; init; } = TerritoryKind.Primary;

    /// <summary>Rep ids; a rep may be a member of several territories.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    public IReadOnlyList<TerritoryRule> Rules { get; init; } = [];
}
