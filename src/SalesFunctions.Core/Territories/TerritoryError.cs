namespace SalesFunctions.Core.Territories;

/// <summary>A problem in a territory model file; <see cref="Line"/> is 1-based, 0 when the model was not read from a file.</summary>
public sealed record TerritoryError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
