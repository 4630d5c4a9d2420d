namespace SalesFunctions.Core.Subscriptions;

/// <summary>Reads the user behind a mailbox when capture starts, so that mail to and from a rep's other addresses counts.</summary>
public interface IMailboxUserReader
{
    /// <summary>Null when the directory does not know the mailbox or the app may not read users (User.Read.All not granted).</summary>
    Task<MailboxUser?> ReadAsync(string tenantId, string mailbox, CancellationToken cancellationToken);
}
