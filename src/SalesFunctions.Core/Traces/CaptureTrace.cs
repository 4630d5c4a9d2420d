using SalesFunctions.Core.Capture;

namespace SalesFunctions.Core.Traces;

/// <summary>
/// One step of one item on its way to (or away from) an activity. Ids only: the Graph item id, the activity id it
/// maps to, the subscription, and a hash of the mailbox, never an address or a subject.
/// </summary>
/// <param name="Key">The activity id the item maps to (also when it was excluded), or <see cref="TraceKeys.ForItem"/>.</param>
/// <param name="UnreadableAddresses">Entries of the item's address headers that could not be read (imports only).</param>
public sealed record CaptureTrace(
    string TenantId,
    DateTimeOffset At,
    TraceStage Stage,
    string Key,
    string? ItemId,
    CaptureOutcome? Outcome,
    string? SubscriptionId = null,
    string? Folder = null,
    string? MailboxHash = null,
    int? UnreadableAddresses = null);
