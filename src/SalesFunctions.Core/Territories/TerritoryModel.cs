namespace SalesFunctions.Core.Territories;

/// <summary>One version of a tenant's territory model, in force from <see cref="EffectiveFrom"/> (UTC) on.</summary>
public sealed record TerritoryModel
{
    public required DateTimeOffset EffectiveFrom { get; init; }

    public required IReadOnlyList<Territory> Territories { get; init; }
}
