namespace SalesFunctions.Core.Qualification;

/// <summary>A criterion's status at the evaluation instant with the evidence of the rules that gave that status.</summary>
public sealed record CriterionResult(string Id, string Name, decimal Weight, CriterionStatus Status, IReadOnlyList<Evidence> Evidence);
