using System.Globalization;
using Microsoft.Graph.Models;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Graph;

/// <summary>Maps Graph SDK models to Core's metadata records.</summary>
public static class GraphMapper
{
    public static MessageMetadata ToMetadata(Message message) => new(
        message.Id ?? string.Empty,
        message.InternetMessageId,
        message.ConversationId,
        Address(message.From),
        Addresses(message.ToRecipients),
        Addresses(message.CcRecipients),
        message.SentDateTime,
        message.ReceivedDateTime,
        message.IsDraft ?? false);

    public static EventMetadata ToMetadata(Event calendarEvent) => new(
        calendarEvent.Id ?? string.Empty,
        calendarEvent.ICalUId,
        Address(calendarEvent.Organizer),
        (calendarEvent.Attendees ?? [])
            .Where(a => !string.IsNullOrWhiteSpace(a.EmailAddress?.Address))
            .Select(a => new EventAttendee(a.EmailAddress!.Address!, ResponseName(a.Status?.Response)))
            .ToList(),
        ToInstant(calendarEvent.Start),
        ToInstant(calendarEvent.End),
        calendarEvent.IsCancelled ?? false,
        calendarEvent.IsAllDay ?? false,
        TypeName(calendarEvent.Type));

    /// <summary>Graph's dateTime is wall-clock time in the given zone (UTC when we ask for it; Windows or IANA ids otherwise).</summary>
    public static DateTimeOffset? ToInstant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { Length: > 0 } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return null;
        }

        var zoneId = string.IsNullOrEmpty(value.TimeZone) ? "UTC" : value.TimeZone;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    private static MailAddress? Address(Recipient? recipient) =>
        recipient?.EmailAddress?.Address is { Length: > 0 } address ? new MailAddress(address) : null;

    private static List<MailAddress> Addresses(List<Recipient>? recipients) =>
        (recipients ?? []).Select(Address).OfType<MailAddress>().ToList();

    // Graph's own camelCase names, as documented, rather than the SDK's enum member names.
    private static string? ResponseName(ResponseType? response) => response switch
    {
        null => null,
        ResponseType.None => "none",
        ResponseType.Organizer => "organizer",
        ResponseType.TentativelyAccepted => "tentativelyAccepted",
        ResponseType.Accepted => "accepted",
        ResponseType.Declined => "declined",
        ResponseType.NotResponded => "notResponded",
        _ => response.ToString(),
    };

    private static string? TypeName(EventType? type) => type switch
    {
        null => null,
        EventType.SingleInstance => "singleInstance",
        EventType.Occurrence => "occurrence",
        EventType.Exception => "exception",
        EventType.SeriesMaster => "seriesMaster",
        _ => type.ToString(),
    };
}
