using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// The "capture" queue message: fetch one item of one mailbox. Carries ids only, never content, so queue storage
/// holds no personal data.
/// </summary>
public sealed record CaptureRequest(
    string TenantId,
    string Mailbox,
    MailboxResource Resource,
    string ItemId,
    string ChangeType,
    string SubscriptionId)
{
    /// <summary>How often the read was put off because Graph throttled it (CaptureService); absent in older messages.</summary>
    public int Deferrals { get; init; }
}
