namespace SalesFunctions.Core.Capture;

/// <param name="Accepted">Notifications queued for capture.</param>
/// <param name="Rejected">Notifications whose subscription is unknown or whose clientState did not match: never processed.</param>
/// <param name="Ignored">Well-formed items this endpoint does not act on (lifecycle events sent to the wrong URL, items without an id).</param>
public sealed record IntakeResult(int Accepted, int Rejected, int Ignored);
