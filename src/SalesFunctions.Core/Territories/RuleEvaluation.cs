namespace SalesFunctions.Core.Territories;

/// <summary>One rule's outcome for one account, with a human-readable reason per condition.</summary>
public sealed record RuleEvaluation(
    string TerritoryId,
    int RuleIndex,
    TerritoryKind Kind,
    int Priority,
    int Specificity,
    bool Matched,
    IReadOnlyList<string> Reasons);
