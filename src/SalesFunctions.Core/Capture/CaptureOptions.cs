using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Capture;

/// <summary>Section "Capture" (docs/operations.md, "Is Graph throttling us?").</summary>
public sealed class CaptureOptions
{
    public const string Section = "Capture";

    /// <summary>
    /// The first wait before reading again an item that Graph kept throttling beyond the SDK's retries; it doubles with
    /// each deferral up to 15 minutes and is never shorter than Graph's Retry-After.
    /// </summary>
    [Range(1, 900)]
    public int ThrottledDeferralSeconds { get; set; } = 30;
}
