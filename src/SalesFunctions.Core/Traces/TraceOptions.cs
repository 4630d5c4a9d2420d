using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Traces;

/// <summary>Section "Traces".</summary>
public sealed class TraceOptions
{
    public const string Section = "Traces";

    /// <summary>How long "why wasn't this captured?" can be answered; traces are dropped a whole month at a time after it.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>The widest window one query may span, so that a query never scans the whole retention period by accident.</summary>
    [Range(1, 3650)]
    public int MaxQueryDays { get; set; } = 31;
}
