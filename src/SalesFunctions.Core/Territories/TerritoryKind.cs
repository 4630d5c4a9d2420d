namespace SalesFunctions.Core.Territories;

public enum TerritoryKind
{
    /// <summary>An account gets at most one primary territory: the best-ranked matching primary rule.</summary>
    Primary,

    /// <summary>Counts in parallel with the primary territory (e.g. a product-specialist overlay); every match applies.</summary>
    Overlay,
}
