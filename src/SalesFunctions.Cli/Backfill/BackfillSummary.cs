using SalesFunctions.Core.Capture;

namespace SalesFunctions.Cli.Backfill;

/// <summary>What one import did. Counts only: the summary is printed and may be pasted into a ticket.</summary>
internal sealed record BackfillSummary(
    int Files,
    int Messages,
    int DuplicatesInExport,
    int WithoutMessageId,
    int Queued,
    IReadOnlyDictionary<CaptureOutcome, int> Excluded,
    int JoinedWithoutHeaders,
    IReadOnlyList<string> Unreadable)
{
    /// <summary>Entries of From, To and Cc headers that could not be read as an address; the rest of each header counts.</summary>
    public int UnreadableAddresses { get; init; }
}
