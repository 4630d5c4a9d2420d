using System.Globalization;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Graph;

/// <summary>
/// Item copies in Graph v1.0's JSON shapes (camelCase, @odata annotations), honouring $select. A message's sensitivity
/// property is always included, as if expanded: the client always asks for it.
/// </summary>
public static class GraphJson
{
    public static Dictionary<string, object?> Message(ItemCopy copy, IReadOnlyCollection<string>? select)
    {
        var email = copy.Email!;
        var all = new Dictionary<string, object?>
        {
            ["@odata.etag"] = $"W/\"{copy.Sequence}\"",
            ["id"] = copy.Id,
            ["createdDateTime"] = Time(email.SentAt),
            ["lastModifiedDateTime"] = Time(email.SentAt),
            ["receivedDateTime"] = email.IsDraft ? null : Time(email.SentAt.AddSeconds(3)),
            ["sentDateTime"] = email.IsDraft ? null : Time(email.SentAt),
            ["hasAttachments"] = false,
            ["internetMessageId"] = email.InternetMessageId,
            ["subject"] = email.Subject,
            ["bodyPreview"] = "Simulated message.",
            ["importance"] = "normal",
            ["parentFolderId"] = copy.Folder,
            ["conversationId"] = email.ConversationId,
            ["isRead"] = true,
            ["isDraft"] = email.IsDraft,

            // Graph's message has no sensitivity property; it is the MAPI property PidTagSensitivity (0 = normal).
            ["singleValueExtendedProperties"] = new[] { new { id = "Integer 0x36", value = "0" } },
            ["body"] = new { contentType = "text", content = "Simulated message body." },
            ["sender"] = Recipient(email.From),
            ["from"] = Recipient(email.From),
            ["toRecipients"] = email.To.Select(Recipient).ToList(),
            ["ccRecipients"] = email.Cc.Select(Recipient).ToList(),
            ["bccRecipients"] = Array.Empty<object>(),
        };
        return Selected(all, select);
    }

    /// <summary>A delta entry for an item that left the folder: only its id and the reason.</summary>
    public static Dictionary<string, object?> Removed(ItemCopy copy) => new()
    {
        ["@odata.type"] = copy.IsMessage ? "#microsoft.graph.message" : "#microsoft.graph.event",
        ["id"] = copy.Id,
        ["@removed"] = new { reason = "deleted" },
    };

    public static Dictionary<string, object?> Event(ItemCopy copy, IReadOnlyCollection<string>? select)
    {
        var meeting = copy.Meeting!;
        var all = new Dictionary<string, object?>
        {
            ["@odata.etag"] = $"W/\"{copy.Sequence}\"",
            ["id"] = copy.Id,
            ["createdDateTime"] = Time(meeting.Start.AddDays(-2)),
            ["iCalUId"] = meeting.ICalUId,
            ["subject"] = meeting.Subject,
            ["bodyPreview"] = "Simulated meeting.",
            ["body"] = new { contentType = "text", content = "Simulated meeting body." },
            ["isAllDay"] = false,
            ["isCancelled"] = meeting.IsCancelled,
            ["isOrganizer"] = string.Equals(copy.Mailbox, meeting.Organizer.Email, StringComparison.OrdinalIgnoreCase),
            ["sensitivity"] = "normal",
            ["showAs"] = "busy",
            ["type"] = "singleInstance",
            ["seriesMasterId"] = null,
            ["start"] = new { dateTime = WallClock(meeting.Start), timeZone = "UTC" },
            ["end"] = new { dateTime = WallClock(meeting.End), timeZone = "UTC" },
            ["organizer"] = Recipient(meeting.Organizer),
            ["attendees"] = meeting.Attendees.Select(a => new
            {
                type = "required",
                status = new { response = a.Response, time = "0001-01-01T00:00:00Z" },
                emailAddress = new { name = a.Person.Name, address = a.Person.Email },
            }).ToList(),
        };
        return Selected(all, select);
    }

    public static object Error(string code, string message) => new
    {
        error = new { code, message, innerError = new { date = Time(DateTimeOffset.UtcNow), requestId = Guid.NewGuid() } },
    };

    public static IReadOnlyCollection<string>? ParseSelect(string? select) =>
        string.IsNullOrWhiteSpace(select) ? null : select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Dictionary<string, object?> Selected(Dictionary<string, object?> all, IReadOnlyCollection<string>? select) =>
        select is null
            ? all
            : all.Where(p => p.Key is "id" or "@odata.etag" or "singleValueExtendedProperties" || select.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(p => p.Key, p => p.Value);

    private static object Recipient(SimPerson person) => new { emailAddress = new { name = person.Name, address = person.Email } };

    private static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string WallClock(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.0000000", CultureInfo.InvariantCulture);
}
