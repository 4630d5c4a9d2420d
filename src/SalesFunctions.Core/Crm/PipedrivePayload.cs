using System.Globalization;
using System.Text.Json;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// Pipedrive webhooks v2 (<c>{meta, data, previous}</c>) and v1 (<c>{v:1, meta, current, previous}</c>), protocols.md §6.
/// Both send the whole object as it is now, so every mapped field is stated as of the event's timestamp; won and lost
/// are a <c>change</c> whose <c>data.status</c> says so.
/// </summary>
internal static class PipedrivePayload
{
    public static CrmPayload Parse(ReadOnlyMemory<byte> body)
    {
        var root = CrmValues.Json(body);

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object)
        {
            throw new CrmPayloadException("A Pipedrive webhook body is an object with meta.");
        }

        var v1 = root.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() == 1;
        var (action, entity, eventId, objectKey, timestamp) = v1
            ? (Text(meta, "action"), Text(meta, "object"), "v1", "current", V1Timestamp(meta))
            : (Text(meta, "action"), Text(meta, "entity"), Text(meta, "id"), "data", CrmValues.ReadInstant(Text(meta, "timestamp")));
        if (action is null || entity is null || eventId is null || timestamp is null)
        {
            throw new CrmPayloadException("meta needs action, the entity (v2) or object (v1), id and timestamp.");
        }

        CrmEntityKind? kind = entity switch
        {
            "deal" => CrmEntityKind.Deal,
            "person" => CrmEntityKind.Contact,
            "organization" => CrmEntityKind.Account,

            // Activities are calls, meetings, tasks…: only type "call" is a call (the deleted one's type is in previous).
            "activity" when Text(root.TryGetProperty("data", out var activity) && activity.ValueKind == JsonValueKind.Object ? activity
                : root.TryGetProperty("previous", out var last) ? last : root.TryGetProperty("current", out var current) ? current : default, "type") == "call" => CrmEntityKind.Call,
            _ => null,
        };
        if (kind is null)
        {
            return new CrmPayload([], 1);
        }

        var deleted = action is "delete" or "deleted";
        var data = root.TryGetProperty(deleted ? "previous" : objectKey, out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var recordId = (v1 ? Text(meta, "id") : Text(meta, "entity_id")) ?? Text(data, "id")
            ?? throw new CrmPayloadException("The event names no record id.");
        if (v1)
        {
            // v1's meta.id is the record id, not an event id: the record and its change time identify the event.
            eventId = $"{entity}:{recordId}:{Text(meta, "timestamp_micro") ?? Text(meta, "timestamp")}";
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { [CrmFields.Deleted] = CrmValues.Bool(deleted) };
        if (!deleted)
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                throw new CrmPayloadException($"A {action} event needs the object in {objectKey}.");
            }

            Map(kind.Value, data, fields);
        }

        return new CrmPayload([new CrmChange(eventId, kind.Value, recordId, timestamp.Value, fields)], 0);
    }

    private static void Map(CrmEntityKind kind, JsonElement data, Dictionary<string, string?> fields)
    {
        void Copy(string from, string to, Func<JsonElement, string?>? convert = null)
        {
            if (data.TryGetProperty(from, out var value))
            {
                fields[to] = value.ValueKind == JsonValueKind.Null ? null : (convert ?? Scalar)(value);
            }
        }

        switch (kind)
        {
            case CrmEntityKind.Deal:
                Copy("title", CrmFields.Name);
                Copy("value", CrmFields.Amount, v => v.TryGetDecimal(out var amount) ? CrmValues.Number(amount) : null);
                Copy("currency", CrmFields.Currency);
                Copy("pipeline_id", CrmFields.Pipeline);
                Copy("stage_id", CrmFields.Stage);
                Copy("status", CrmFields.Status, v => Scalar(v) switch { "won" => CrmFields.Won, "lost" => CrmFields.Lost, "deleted" => CrmFields.Lost, _ => CrmFields.Open });
                Copy("owner_id", CrmFields.OwnerId, Id);
                Copy("user_id", CrmFields.OwnerId, Id);
                Copy("org_id", CrmFields.AccountId, Id);
                Copy("add_time", CrmFields.CreatedAt, v => CrmValues.ParseInstant(Scalar(v)));
                Copy("expected_close_date", CrmFields.CloseDate, v => CrmValues.ParseInstant(Scalar(v)));
                Copy("lost_reason", CrmFields.LostReason);
                Copy("origin", CrmFields.Source);
                var closedAt = Scalar(data, "won_time") ?? Scalar(data, "lost_time") ?? Scalar(data, "close_time");
                fields[CrmFields.ClosedAt] = fields.GetValueOrDefault(CrmFields.Status) is CrmFields.Won or CrmFields.Lost ? CrmValues.ParseInstant(closedAt) : null;
                break;
            case CrmEntityKind.Contact:
                Copy("first_name", CrmFields.FirstName);
                Copy("last_name", CrmFields.LastName);
                Copy("job_title", CrmFields.Title);
                Copy("org_id", CrmFields.AccountId, Id);
                Copy(data.TryGetProperty("emails", out _) ? "emails" : "email", CrmFields.Email, PrimaryValue);
                Copy(data.TryGetProperty("phones", out _) ? "phones" : "phone", CrmFields.Phone, PrimaryValue);
                break;
            case CrmEntityKind.Call:
                // due_date and due_time are UTC; duration is "HH:MM". Pipedrive states no direction or outcome.
                Copy("owner_id", CrmFields.OwnerId, Id);
                Copy("user_id", CrmFields.OwnerId, Id);
                Copy("person_id", CrmFields.ContactId, Id);
                Copy("org_id", CrmFields.AccountId, Id);
                fields[CrmFields.StartedAt] = CrmValues.ParseInstant(Scalar(data, "due_date") is { } due
                    ? due + "T" + (Scalar(data, "due_time") is { Length: > 0 } time ? time : "00:00") + "Z" : null);
                Copy("duration", CrmFields.DurationSeconds, v => TimeSpan.TryParseExact(Scalar(v), @"hh\:mm", CultureInfo.InvariantCulture, out var span)
                    ? CrmValues.Number((decimal)span.TotalSeconds) : null);
                break;
            case CrmEntityKind.Account:
                Copy("name", CrmFields.Name);
                Copy("website", CrmFields.Domains, v => CrmValues.Domain(Scalar(v)));
                break;
        }
    }

    /// <summary>v2 sends ids as numbers; v1 sometimes as objects with "value" or "id".</summary>
    private static string? Id(JsonElement value) => value.ValueKind == JsonValueKind.Object
        ? Scalar(value, "value") ?? Scalar(value, "id")
        : Scalar(value);

    /// <summary>v2: emails, phones [{value, primary}]; v1: email, phone [{value, primary}]; the primary value, else the first.</summary>
    private static string? PrimaryValue(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().OrderByDescending(e => e.TryGetProperty("primary", out var p) && p.ValueKind == JsonValueKind.True)
            .Select(e => Scalar(e, "value")).FirstOrDefault(e => !string.IsNullOrEmpty(e))
        : Scalar(value);

    private static DateTimeOffset? V1Timestamp(JsonElement meta) =>
        Scalar(meta, "timestamp_micro") is { } micro && long.TryParse(micro, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us)
            ? DateTimeOffset.UnixEpoch.AddTicks(us * 10)
            : Scalar(meta, "timestamp") is { } seconds && long.TryParse(seconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                ? DateTimeOffset.FromUnixTimeSeconds(s)
                : null;

    private static string? Text(JsonElement element, string name) => element.ValueKind == JsonValueKind.Object ? Scalar(element, name) : null;

    private static string? Scalar(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
