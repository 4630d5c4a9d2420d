namespace SalesFunctions.Core.Qualification;

/// <summary>The score a framework took at <see cref="At"/> and kept until the next point.</summary>
public readonly record struct ScorePoint(DateTimeOffset At, int Score);
