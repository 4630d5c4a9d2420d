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
        message.IsDraft ?? false,
        message.Subject,
        MessageSensitivity(message.SingleValueExtendedProperties));

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
        TypeName(calendarEvent.Type),
        calendarEvent.Subject,
        SensitivityName(calendarEvent.Sensitivity));

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

    /// <summary>
    /// Graph's v1.0 message has no sensitivity property; the MAPI property PidTagSensitivity (0x0036) carries it as
    /// 0 normal, 1 personal, 2 private, 3 confidential, expanded by <see cref="GraphMailboxReader.SensitivityExpand"/>.
    /// </summary>
    private static string? MessageSensitivity(List<SingleValueLegacyExtendedProperty>? properties) =>
        properties?.FirstOrDefault(p => string.Equals(p.Id, GraphMailboxReader.SensitivityPropertyId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Id, "Integer 0x36", StringComparison.OrdinalIgnoreCase))?.Value switch
        {
            "0" => "normal",
            "1" => "personal",
            "2" => "private",
            "3" => "confidential",
            _ => null,
        };

    private static string? SensitivityName(Sensitivity? sensitivity) => sensitivity switch
    {
        null => null,
        Sensitivity.Normal => "normal",
        Sensitivity.Personal => "personal",
        Sensitivity.Private => "private",
        Sensitivity.Confidential => "confidential",
        _ => sensitivity.ToString()!.ToLowerInvariant(),
    };

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
