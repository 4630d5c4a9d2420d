namespace SalesFunctions.Core.Territories;

/// <summary>How a rep relates to an account's assignment; <see cref="None"/> means the rep is working outside their territories (poaching).</summary>
public enum TerritoryCoverage
{
    None,
    PrimaryTerritory,
    PrimaryAncestor,
    OverlayTerritory,
    OverlayAncestor,
}
