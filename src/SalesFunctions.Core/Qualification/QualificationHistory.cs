namespace SalesFunctions.Core.Qualification;

/// <summary>
/// Every change of a framework's score up to the input's AsOf, and the first instant the score reached the threshold
/// ("qualified on"), which stays even if the score later drops below it.
/// </summary>
public sealed record QualificationHistory(IReadOnlyList<ScorePoint> Points, DateTimeOffset? QualifiedOn);
