using System.Text.Json;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// The generic connector's body, for CRMs without a dedicated one (docs/crm.md):
/// <c>{"events":[{"id","entity":"deal|account|contact|case","recordId","occurredAt","deleted"?,"fields":{...}}]}</c>
/// with field names from <see cref="CrmFields"/>.
/// </summary>
internal static class GenericPayload
{
    private static readonly HashSet<string> Known = typeof(CrmFields).GetFields()
        .Where(f => f.IsLiteral && f.Name is not (nameof(CrmFields.Open) or nameof(CrmFields.Won) or nameof(CrmFields.Lost)))
        .Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    public static CrmPayload Parse(ReadOnlyMemory<byte> body)
    {
        var root = CrmValues.Json(body);

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new CrmPayloadException("The generic body is an object with an 'events' array.");
        }

        var changes = new List<CrmChange>();
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            changes.Add(Map(item, index++));
        }

        return new CrmPayload(changes, 0);
    }

    private static CrmChange Map(JsonElement item, int index)
    {
        string? Text(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var id = Text("id");
        var recordId = Text("recordId");
        var occurredAt = CrmValues.ReadInstant(Text("occurredAt"));
        if (id is null || recordId is null || occurredAt is null)
        {
            throw new CrmPayloadException($"events[{index}] needs id, recordId and occurredAt (ISO 8601).");
        }

        if (!Enum.TryParse<CrmEntityKind>(Text("entity"), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new CrmPayloadException($"events[{index}].entity must be one of deal, account, contact, case.");
        }

        var deleted = item.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { [CrmFields.Deleted] = CrmValues.Bool(deleted) };
        if (item.TryGetProperty("fields", out var given) && given.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in given.EnumerateObject())
            {
                if (!Known.Contains(field.Name) || field.Name == CrmFields.Deleted)
                {
                    throw new CrmPayloadException($"events[{index}].fields.{field.Name} is not a field of the model (docs/crm.md).");
                }

                fields[field.Name] = field.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => field.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => field.Value.GetRawText(),
                    _ => throw new CrmPayloadException($"events[{index}].fields.{field.Name} must be a string, number, boolean or null."),
                };
            }
        }

        return new CrmChange(id, kind, recordId, occurredAt.Value, fields);
    }
}
