using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Capture;

/// <summary>Section "Calls" (docs/calls.md).</summary>
public sealed class CallOptions
{
    public const string Section = "Calls";

    /// <summary>
    /// How far back each PSTN sweep reads the PSTN log. Longer than the sweep's interval, so a failed or late run loses
    /// nothing; Graph allows at most 90 days per request.
    /// </summary>
    [Range(1, 2160)]
    public int PstnLookbackHours { get; set; } = 48;
}
