namespace SalesFunctions.Core.Territories;

/// <summary>One rule's outcome for one account, with a human-readable reason per condition.</summary>
public sealed record RuleEvaluation(
    string TerritoryId,
    int RuleIndex,
    TerritoryKind Kind,
    int Priority,
    int Specificity,
    bool Matched,
    IReadOnlyList<string> Reasons)
{
    /// <summary>One line for people: "dach rule 0 (geography, priority 100): country DE is one of DE, AT, CH".</summary>
    public string Describe() => $"{TerritoryId} rule {RuleIndex} ({Kind.ToString().ToLowerInvariant()}, priority {Priority}): {string.Join("; ", Reasons)}";
}
