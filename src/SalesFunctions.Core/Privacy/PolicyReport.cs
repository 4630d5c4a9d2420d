using SalesFunctions.Core.Capture;

namespace SalesFunctions.Core.Privacy;

/// <summary>
/// What a policy does to stored history: activities it would delete (by rule) or rewrite (participants dropped, the
/// subject removed or hashed), and the days whose KPIs change. Counts and ids only, never addresses or subjects.
/// </summary>
public sealed record PolicyReport(
    bool Applied,
    int ActivitiesScanned,
    IReadOnlyDictionary<CaptureOutcome, int> Excluded,
    int Rewritten,
    IReadOnlyList<DateOnly> DaysAffected,
    IReadOnlyList<string> SampleActivityIds)
{
    public int ExcludedTotal => Excluded.Values.Sum();
}
