using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Capture;

/// <summary>The result of normalising one mailbox item: an activity, or the reason there is none.</summary>
public sealed record Normalised(Activity? Activity, CaptureOutcome Outcome)
{
    public static Normalised Excluded(CaptureOutcome outcome) => new(null, outcome);
}
