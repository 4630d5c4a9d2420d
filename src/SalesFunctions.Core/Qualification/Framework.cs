namespace SalesFunctions.Core.Qualification;

/// <summary>A qualification framework (BANT, MEDDIC, …): weighted criteria, each proven by evidence rules.</summary>
public sealed record Framework(string Id, string Name, IReadOnlyList<Criterion> Criteria);
