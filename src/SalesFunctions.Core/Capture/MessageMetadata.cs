namespace SalesFunctions.Core.Capture;

/// <summary>
/// The metadata we read of a mail message. Never a body; the subject only when the tenant's privacy policy keeps it.
/// </summary>
public sealed record MessageMetadata(
    string Id,
    string? InternetMessageId,
    string? ConversationId,
    MailAddress? From,
    IReadOnlyList<MailAddress> To,
    IReadOnlyList<MailAddress> Cc,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReceivedAt,
    bool IsDraft,
    string? Subject = null,
    string? Sensitivity = null);
