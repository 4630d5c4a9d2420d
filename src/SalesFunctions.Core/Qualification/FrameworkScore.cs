namespace SalesFunctions.Core.Qualification;

/// <summary><see cref="Score"/> is 0–100: the weighted share of criteria met, a partial criterion counting half.</summary>
public sealed record FrameworkScore(string FrameworkId, int Score, IReadOnlyList<CriterionResult> Criteria);
