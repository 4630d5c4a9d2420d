namespace SalesFunctions.Core.Subscriptions;

/// <summary>The Entra ID user behind a mailbox: its object id and every SMTP address Exchange delivers to it (proxyAddresses).</summary>
public sealed record MailboxUser(string Id, IReadOnlyList<string> SmtpAddresses);
