namespace SalesFunctions.Core.Traces;

/// <summary>
/// The answer to "why wasn't this captured?" for one message or item: every trace, then where its activity stands.
/// </summary>
/// <param name="Verdict">captured-and-rolled-up, awaiting-rollup, excluded, not-stored or not-seen.</param>
/// <param name="StoredOn">The tenant-local day the activity is stored under, when it is stored.</param>
public sealed record TraceExplanation(
    string Key,
    string Verdict,
    string? Reason,
    DateOnly? StoredOn,
    IReadOnlyList<CaptureTrace> Traces);
