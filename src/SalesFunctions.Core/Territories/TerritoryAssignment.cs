namespace SalesFunctions.Core.Territories;

/// <summary>The territories an account belongs to under one model version: at most one primary, any number of overlays.</summary>
public sealed record TerritoryAssignment(string? PrimaryId, IReadOnlyList<string> OverlayIds)
{
    public static TerritoryAssignment None { get; } = new(null, []);

    // Value equality over the overlay list too, so assignments from two engines or two runs compare directly.
    public bool Equals(TerritoryAssignment? other) =>
        other is not null && string.Equals(PrimaryId, other.PrimaryId, StringComparison.Ordinal) && OverlayIds.SequenceEqual(other.OverlayIds, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(PrimaryId, StringComparer.Ordinal);
        foreach (var overlay in OverlayIds)
        {
            hash.Add(overlay, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"primary {PrimaryId ?? "(none)"}, overlays [{string.Join(", ", OverlayIds)}]";
}
