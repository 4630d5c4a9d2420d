namespace SalesFunctions.Core.Qualification;

/// <summary>A criterion is met when any rule is met, partial when the best rule is partial, unknown otherwise.</summary>
public sealed record Criterion(string Id, string Name, decimal Weight, IReadOnlyList<EvidenceRule> Rules);
