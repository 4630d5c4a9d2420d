namespace SalesFunctions.Core.Qualification;

/// <summary>
/// An account's or opportunity's qualification at <see cref="AsOf"/>: per framework its score, criteria with evidence, and
/// history. <see cref="WorkedBy"/> holds the ids of the reps who work it (an activity with the account in the window, or
/// the deal's owner), which decides who besides an admin may read it.
/// </summary>
public sealed record QualificationReport(
    string AccountId,
    string? Deal,
    string? Pipeline,
    DateTimeOffset AsOf,
    int Threshold,
    int ActivitiesRead,
    IReadOnlyList<FrameworkQualification> Frameworks,
    IReadOnlySet<string> WorkedBy);
