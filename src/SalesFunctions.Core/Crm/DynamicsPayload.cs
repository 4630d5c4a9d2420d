using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// Dataverse webhooks: one serialised RemoteExecutionContext per request (protocols.md §5). Attributes come from the
/// post-image when the step registers one, else from the Target of InputParameters; each change is versioned by the
/// record's modifiedon, else by OperationCreatedOn.
/// </summary>
internal static partial class DynamicsPayload
{
    /// <summary>Present when the context exceeded 256 KB and Dataverse removed InputParameters and the images.</summary>
    public const string SizeExceededHeader = "x-ms-dynamics-msg-size-exceeded";

    public static CrmPayload Parse(ReadOnlyMemory<byte> body, bool sizeExceeded)
    {
        var context = CrmValues.Json(body);

        if (context.ValueKind != JsonValueKind.Object
            || Text(context, "MessageName") is not { } message || Text(context, "PrimaryEntityName") is not { } entity
            || Text(context, "PrimaryEntityId") is not { } recordId || Text(context, "OperationId") is not { } operationId)
        {
            throw new CrmPayloadException("Not a RemoteExecutionContext: MessageName, PrimaryEntityName, PrimaryEntityId and OperationId are required.");
        }

        CrmEntityKind? kind = entity switch
        {
            "opportunity" => CrmEntityKind.Deal,
            "account" => CrmEntityKind.Account,
            "contact" => CrmEntityKind.Contact,
            "incident" => CrmEntityKind.Case,
            "phonecall" => CrmEntityKind.Call,
            _ => null,
        };
        if (kind is null || message is not ("Create" or "Update" or "Delete" or "Win" or "Lose"))
        {
            return new CrmPayload([], 1);
        }

        var attributes = sizeExceeded ? [] : Attributes(context);
        var version = (attributes.TryGetValue("modifiedon", out var modifiedOn) ? ParseDate(String(modifiedOn)) : null) ?? ParseDate(Text(context, "OperationCreatedOn"))
            ?? throw new CrmPayloadException("The context has neither a modifiedon attribute nor OperationCreatedOn.");
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { [CrmFields.Deleted] = CrmValues.Bool(message == "Delete") };
        if (message != "Delete")
        {
            MapAttributes(kind.Value, attributes, fields, version);
        }

        return new CrmPayload([new CrmChange($"{operationId}:{recordId}", kind.Value, recordId, version, fields)], 0);
    }

    private static void MapAttributes(CrmEntityKind kind, Dictionary<string, JsonElement> attributes, Dictionary<string, string?> fields, DateTimeOffset version)
    {
        void Copy(string from, string to, Func<JsonElement, string?> convert)
        {
            if (attributes.TryGetValue(from, out var value))
            {
                fields[to] = value.ValueKind == JsonValueKind.Null ? null : convert(value);
            }
        }

        switch (kind)
        {
            case CrmEntityKind.Deal:
                Copy("name", CrmFields.Name, String);
                Copy("estimatedvalue", CrmFields.Amount, Money);
                Copy("actualvalue", CrmFields.Amount, Money);
                Copy("createdon", CrmFields.CreatedAt, Date);
                Copy("estimatedclosedate", CrmFields.CloseDate, Date);
                Copy("actualclosedate", CrmFields.ClosedAt, Date);
                Copy("ownerid", CrmFields.OwnerId, Reference);
                Copy("parentaccountid", CrmFields.AccountId, Reference);
                Copy("stepname", CrmFields.Stage, String);
                Copy("forecastcategory", CrmFields.ForecastCategory, Option);

                // statecode 0 open, 1 won, 2 lost.
                Copy("statecode", CrmFields.Status, v => Option(v) switch { "1" => CrmFields.Won, "2" => CrmFields.Lost, _ => CrmFields.Open });
                if (fields.GetValueOrDefault(CrmFields.Status) is CrmFields.Won or CrmFields.Lost && !fields.ContainsKey(CrmFields.ClosedAt))
                {
                    fields[CrmFields.ClosedAt] = CrmValues.Instant(version);
                }

                break;
            case CrmEntityKind.Account:
                Copy("name", CrmFields.Name, String);
                Copy("websiteurl", CrmFields.Domains, v => CrmValues.Domain(String(v)));
                break;
            case CrmEntityKind.Contact:
                Copy("emailaddress1", CrmFields.Email, String);
                Copy("firstname", CrmFields.FirstName, String);
                Copy("lastname", CrmFields.LastName, String);
                Copy("jobtitle", CrmFields.Title, String);
                Copy("parentcustomerid", CrmFields.AccountId, Reference);
                Copy("telephone1", CrmFields.Phone, String);
                break;
            case CrmEntityKind.Call:
                Copy("ownerid", CrmFields.OwnerId, Reference);
                Copy("actualstart", CrmFields.StartedAt, Date);
                if (!fields.ContainsKey(CrmFields.StartedAt))
                {
                    Copy("scheduledstart", CrmFields.StartedAt, Date);
                }

                Copy("actualdurationminutes", CrmFields.DurationSeconds, v => v.TryGetDecimal(out var minutes) ? CrmValues.Number(minutes * 60) : null);

                // directioncode: true is outgoing. phonenumber is the other party's number.
                Copy("directioncode", CrmFields.Direction, v => v.ValueKind switch { JsonValueKind.True => "outbound", JsonValueKind.False => "inbound", _ => null });
                Copy("phonenumber", CrmFields.ToNumber, String);
                Copy("regardingobjectid", CrmFields.ContactId, v => Text(v, "LogicalName") == "contact" ? Reference(v) : null);
                break;
            case CrmEntityKind.Case:
                Copy("createdon", CrmFields.OpenedAt, Date);
                Copy("ownerid", CrmFields.OwnerId, Reference);
                Copy("customerid", CrmFields.AccountId, Reference);

                // statecode 0 active, 1 resolved, 2 cancelled.
                Copy("statecode", CrmFields.Status, v => Option(v) switch { "1" => "resolved", "2" => "cancelled", _ => "active" });
                if (fields.GetValueOrDefault(CrmFields.Status) == "resolved")
                {
                    fields[CrmFields.ResolvedAt] = CrmValues.Instant(version);
                }

                Copy("firstresponsesent", CrmFields.FirstContactResolution, v => v.ValueKind is JsonValueKind.True or JsonValueKind.False ? CrmValues.Bool(v.GetBoolean()) : null);
                break;
        }
    }

    private static Dictionary<string, JsonElement> Attributes(JsonElement context)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var images = context.TryGetProperty("PostEntityImages", out var post) && post.ValueKind == JsonValueKind.Array ? post.EnumerateArray().ToList() : [];
        var target = context.TryGetProperty("InputParameters", out var inputs) && inputs.ValueKind == JsonValueKind.Array
            ? inputs.EnumerateArray().Where(p => Text(p, "key") == "Target").Select(p => p.GetProperty("value")).FirstOrDefault()
            : default;

        // The target holds what this operation changed; the post-image, when registered, the whole record after it.
        foreach (var source in new[] { target }.Concat(images.Select(i => i.TryGetProperty("value", out var v) ? v : default)))
        {
            if (source.ValueKind == JsonValueKind.Object && source.TryGetProperty("Attributes", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var pair in list.EnumerateArray())
                {
                    if (Text(pair, "key") is { } key && pair.TryGetProperty("value", out var value))
                    {
                        attributes[key] = value;
                    }
                }
            }
        }

        return attributes;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? String(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();

    private static string? Money(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("Value", out var amount) && amount.TryGetDecimal(out var number) ? CrmValues.Number(number)
        : value.ValueKind == JsonValueKind.Number ? CrmValues.Number(value.GetDecimal())
        : null;

    private static string? Option(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("Value", out var option) ? option.GetRawText()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;

    private static string? Reference(JsonElement value) => Text(value, "Id");

    private static string? Date(JsonElement value) => ParseDate(String(value)) is { } date ? CrmValues.Instant(date) : null;

    /// <summary>WCF's "/Date(1506409448000-0700)/": milliseconds since the epoch in UTC; the offset is display only.</summary>
    internal static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var match = WcfDate().Match(value);
        return match.Success ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            : CrmValues.ReadInstant(value);
    }

    [GeneratedRegex(@"^/Date\((-?\d+)([+-]\d{4})?\)/$")]
    private static partial Regex WcfDate();
}
