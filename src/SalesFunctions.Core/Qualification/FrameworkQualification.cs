namespace SalesFunctions.Core.Qualification;

/// <summary>One framework's score with the evidence per criterion, and how the score got there (qualified on).</summary>
public sealed record FrameworkQualification(FrameworkScore Score, QualificationHistory History);
