namespace SalesFunctions.Core.Capture;

/// <summary>Reads item metadata from a mailbox. Returns null when the item no longer exists.</summary>
public interface IMailboxReader
{
    Task<MessageMetadata?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken cancellationToken);

    Task<EventMetadata?> GetEventAsync(string tenantId, string mailbox, string eventId, CancellationToken cancellationToken);
}
