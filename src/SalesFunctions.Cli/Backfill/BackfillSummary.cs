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

    /// <summary>Copies of a message under another Message-ID, left out by the opt-in copy dedupe; null when it was off.</summary>
    public int? CopiesUnderOtherIds { get; init; }

    /// <summary>Of the queued activities, those stored before this run (by Graph capture or an earlier import).</summary>
    public int AlreadyStored { get; init; }

    /// <summary>Queued activities not stored before this run.</summary>
    public int New => Queued - AlreadyStored;

    /// <summary>Files under the paths that are neither a message nor an mbox, whatever their names suggested.</summary>
    public IReadOnlyList<string> NotMessages { get; init; } = [];

    /// <summary>Paths given on the command line that held no message at all: most likely the wrong folder.</summary>
    public IReadOnlyList<string> PathsWithoutMessages { get; init; } = [];
}
