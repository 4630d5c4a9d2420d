namespace SalesFunctions.Core.Capture;

/// <summary>The metadata we read of a calendar event. Never a body; the subject only when the privacy policy keeps it.</summary>
public sealed record EventMetadata(
    string Id,
    string? ICalUId,
    MailAddress? Organizer,
    IReadOnlyList<EventAttendee> Attendees,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool IsCancelled,
    bool IsAllDay,
    string? Type,
    string? Subject = null,
    string? Sensitivity = null);
