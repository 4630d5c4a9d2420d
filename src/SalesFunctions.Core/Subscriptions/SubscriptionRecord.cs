namespace SalesFunctions.Core.Subscriptions;

/// <summary>
/// A Graph subscription we created. Only the SHA-256 of its clientState is kept: enough to check notifications, and
/// useless to whoever reads the table.
/// </summary>
public sealed record SubscriptionRecord(
    string TenantId,
    string SubscriptionId,
    string Mailbox,
    MailboxResource Resource,
    string ClientStateHash,
    DateTimeOffset ExpiresAt);
