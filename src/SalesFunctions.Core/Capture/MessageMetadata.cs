namespace SalesFunctions.Core.Capture;

/// <summary>The metadata we read of a mail message. No body, no subject: they are never fetched.</summary>
public sealed record MessageMetadata(
    string Id,
    string? InternetMessageId,
    string? ConversationId,
    MailAddress? From,
    IReadOnlyList<MailAddress> To,
    IReadOnlyList<MailAddress> Cc,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReceivedAt,
    bool IsDraft);
