namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>A request that broke a rule: a 5xx, a 4xx without a problem body, no answer, or storage changed by refused requests.</summary>
/// <param name="Indexes">The request numbers of the route involved; with the seed, <c>--route Route --index i</c> sends one again.</param>
public sealed record FuzzFinding(string Kind, string Route, IReadOnlyList<int> Indexes, string Detail);
