namespace SalesFunctions.Core.Tenants;

/// <summary>
/// Ids become parts of Table Storage keys, which forbid '/', '\', '#', '?' and control characters; we accept a
/// conservative alphabet for the ids we are given and reject the rest at the edge.
/// </summary>
public static class KeyText
{
    public static bool IsSafeId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 100
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
