namespace SalesFunctions.Core.Capture;

/// <summary>The metadata we read of a calendar event. No body, no subject.</summary>
public sealed record EventMetadata(
    string Id,
    string? ICalUId,
    MailAddress? Organizer,
    IReadOnlyList<EventAttendee> Attendees,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    bool IsCancelled,
    bool IsAllDay,
    string? Type);
