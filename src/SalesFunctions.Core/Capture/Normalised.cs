using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// The result of normalising one mailbox item: an activity, or the reason there is none. <see cref="Key"/> is the
/// activity id the item maps to whenever its message or meeting id is known, excluded or not, so traces can say why.
/// </summary>
public sealed record Normalised(Activity? Activity, CaptureOutcome Outcome, string? Key = null)
{
    public static Normalised Excluded(CaptureOutcome outcome) => new(null, outcome);
}
