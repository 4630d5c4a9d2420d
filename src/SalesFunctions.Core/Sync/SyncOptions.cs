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
}
