using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Sync;

/// <summary>Section "Sync".</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>How far back a full sync reaches, for mail (receivedDateTime) and the calendar window.</summary>
    [Range(1, 3650)]
    public int HistoryDays { get; set; } = 90;

    /// <summary>How far ahead the calendarView window reaches.</summary>
    [Range(1, 365)]
    public int CalendarLookAheadDays { get; set; } = 30;

    [Range(1, 1000)]
    public int PageSize { get; set; } = 50;

    /// <summary>Pages walked per invocation; a longer round continues in a new queue message, keeping invocations short.</summary>
    [Range(1, 10000)]
    public int MaxPagesPerRun { get; set; } = 20;

    /// <summary>
    /// A delta walk pauses while the score queue holds more than this many messages, and continues later in a delayed
    /// message. A backfill then never buries live notifications under its own backlog, and a storage queue stays
    /// small enough to serve quickly. 0 turns the check off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ScoreBacklogLimit { get; set; } = 2000;

    /// <summary>How long a paused walk waits before it looks at the score queue again.</summary>
    [Range(1, 3600)]
    public int BacklogPauseSeconds { get; set; } = 15;
}
