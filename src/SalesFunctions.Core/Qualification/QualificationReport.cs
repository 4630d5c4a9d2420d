namespace SalesFunctions.Core.Qualification;

/// <summary>An account's or opportunity's qualification at <see cref="AsOf"/>: per framework its score, criteria with evidence, and history.</summary>
public sealed record QualificationReport(
    string AccountId,
    string? Deal,
    string? Pipeline,
    DateTimeOffset AsOf,
    int Threshold,
    int ActivitiesRead,
    IReadOnlyList<FrameworkQualification> Frameworks);
