using System.Text.Json;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// HubSpot Webhooks API bodies: a JSON array of events (protocols.md §3.2). Creation events carry no properties, so a
/// created record starts with its creation time only and fills in from its propertyChange events; each field keeps the
/// occurredAt of the event that set it, which makes the unordered, at-least-once deliveries converge.
/// </summary>
internal static class HubSpotPayload
{
    // objectTypeId of the generic "object.*" subscriptions.
    private static readonly Dictionary<string, CrmEntityKind> ObjectTypes = new(StringComparer.Ordinal)
    {
        ["0-1"] = CrmEntityKind.Contact, ["0-2"] = CrmEntityKind.Account, ["0-3"] = CrmEntityKind.Deal, ["0-5"] = CrmEntityKind.Case, ["0-48"] = CrmEntityKind.Call,
    };

    private static readonly Dictionary<string, CrmEntityKind> Objects = new(StringComparer.Ordinal)
    {
        ["contact"] = CrmEntityKind.Contact, ["company"] = CrmEntityKind.Account, ["deal"] = CrmEntityKind.Deal, ["ticket"] = CrmEntityKind.Case,
    };

    public static CrmPayload Parse(CrmConnector connector, ReadOnlyMemory<byte> body)
    {
        var events = CrmValues.Json(body);

        if (events.ValueKind != JsonValueKind.Array)
        {
            throw new CrmPayloadException("A HubSpot webhook body is a JSON array of events.");
        }

        var changes = new List<CrmChange>();
        var ignored = 0;
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            var change = Map(connector, item, index++);
            if (change is null)
            {
                ignored++;
            }
            else
            {
                changes.Add(change);
            }
        }

        return new CrmPayload(changes, ignored);
    }

    private static CrmChange? Map(CrmConnector connector, JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !TryText(item, "eventId", out var eventId) || !TryText(item, "objectId", out var objectId)
            || !item.TryGetProperty("occurredAt", out var occurredAt) || !occurredAt.TryGetInt64(out var millis)
            || !TryText(item, "subscriptionType", out var subscriptionType))
        {
            throw new CrmPayloadException($"Event {index} lacks eventId, objectId, occurredAt or subscriptionType.");
        }

        var dot = subscriptionType.IndexOf('.', StringComparison.Ordinal);
        var (objectName, action) = dot < 0 ? (subscriptionType, string.Empty) : (subscriptionType[..dot], subscriptionType[(dot + 1)..]);
        CrmEntityKind kind;
        if (objectName == "object")
        {
            if (!TryText(item, "objectTypeId", out var typeId) || !ObjectTypes.TryGetValue(typeId, out kind))
            {
                return null;
            }
        }
        else if (!Objects.TryGetValue(objectName, out kind))
        {
            return null;
        }

        var version = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        switch (action)
        {
            case "creation":
                fields[kind switch { CrmEntityKind.Case => CrmFields.OpenedAt, CrmEntityKind.Call => CrmFields.StartedAt, _ => CrmFields.CreatedAt }] = CrmValues.Instant(version);
                fields[CrmFields.Deleted] = CrmValues.Bool(false);
                break;
            case "deletion":
                fields[CrmFields.Deleted] = CrmValues.Bool(true);
                break;
            case "restore":
                fields[CrmFields.Deleted] = CrmValues.Bool(false);
                break;
            case "propertyChange":
                if (!TryText(item, "propertyName", out var property))
                {
                    throw new CrmPayloadException($"Event {index} is a propertyChange without propertyName.");
                }

                var value = item.TryGetProperty("propertyValue", out var v) && v.ValueKind != JsonValueKind.Null ? Text(v) : null;
                MapProperty(connector, kind, property, value, fields);
                if (fields.Count == 0)
                {
                    return null;
                }

                break;
            default:
                // associationChange, merge, privacyDeletion...: not modelled.
                return null;
        }

        // eventId is not unique on its own (protocols.md §7.3).
        return new CrmChange($"{eventId}:{objectId}:{millis}", kind, objectId, version, fields);
    }

    private static void MapProperty(CrmConnector connector, CrmEntityKind kind, string property, string? value, Dictionary<string, string?> fields)
    {
        switch (kind, property)
        {
            case (CrmEntityKind.Deal, "dealname"): fields[CrmFields.Name] = value; break;
            case (CrmEntityKind.Deal, "amount"): fields[CrmFields.Amount] = value is null ? null : CrmValues.ReadNumber(value) is { } a ? CrmValues.Number(a) : null; break;
            case (CrmEntityKind.Deal, "deal_currency_code"): fields[CrmFields.Currency] = value; break;
            case (CrmEntityKind.Deal, "pipeline"): fields[CrmFields.Pipeline] = value; break;
            case (CrmEntityKind.Deal, "dealstage"):
                fields[CrmFields.Stage] = value;
                fields[CrmFields.Status] = value is not null && connector.WonStages.Contains(value, StringComparer.Ordinal) ? CrmFields.Won
                    : value is not null && connector.LostStages.Contains(value, StringComparer.Ordinal) ? CrmFields.Lost
                    : CrmFields.Open;
                break;
            case (CrmEntityKind.Deal, "closedate"): fields[CrmFields.CloseDate] = CrmValues.FromEpochMillis(value); break;
            case (CrmEntityKind.Deal, "hs_closed_won_date" or "hs_closed_lost_date"): fields[CrmFields.ClosedAt] = CrmValues.FromEpochMillis(value); break;
            case (CrmEntityKind.Deal, "createdate"): fields[CrmFields.CreatedAt] = CrmValues.FromEpochMillis(value); break;
            case (CrmEntityKind.Deal or CrmEntityKind.Case or CrmEntityKind.Call, "hubspot_owner_id"): fields[CrmFields.OwnerId] = value; break;
            case (CrmEntityKind.Call, "hs_timestamp"): fields[CrmFields.StartedAt] = CrmValues.FromEpochMillis(value); break;
            case (CrmEntityKind.Call, "hs_call_duration"):
                fields[CrmFields.DurationSeconds] = CrmValues.ReadNumber(value) is { } callMs ? CrmValues.Number(Math.Round(callMs / 1000m)) : null;
                break;
            case (CrmEntityKind.Call, "hs_call_direction"): fields[CrmFields.Direction] = value?.ToLowerInvariant() switch { "inbound" => "inbound", "outbound" => "outbound", _ => null }; break;

            // COMPLETED is a connected call; BUSY, NO_ANSWER, FAILED and CANCELED did not connect; others are still going.
            case (CrmEntityKind.Call, "hs_call_status"):
                fields[CrmFields.Connected] = value?.ToUpperInvariant() switch
                {
                    "COMPLETED" => CrmValues.Bool(true),
                    "BUSY" or "NO_ANSWER" or "FAILED" or "CANCELED" => CrmValues.Bool(false),
                    _ => null,
                };
                break;
            case (CrmEntityKind.Call, "hs_call_to_number"): fields[CrmFields.ToNumber] = value; break;
            case (CrmEntityKind.Call, "hs_call_from_number"): fields[CrmFields.FromNumber] = value; break;
            case (CrmEntityKind.Contact, "phone" or "mobilephone"): fields[CrmFields.Phone] = value; break;
            case (CrmEntityKind.Deal, "hs_manual_forecast_category" or "hs_forecast_category"): fields[CrmFields.ForecastCategory] = value; break;
            case (CrmEntityKind.Deal, "closed_lost_reason"): fields[CrmFields.LostReason] = value; break;
            case (CrmEntityKind.Deal, "hs_analytics_source"): fields[CrmFields.Source] = value; break;
            case (CrmEntityKind.Contact, "email"): fields[CrmFields.Email] = value; break;
            case (CrmEntityKind.Contact, "firstname"): fields[CrmFields.FirstName] = value; break;
            case (CrmEntityKind.Contact, "lastname"): fields[CrmFields.LastName] = value; break;
            case (CrmEntityKind.Contact, "jobtitle"): fields[CrmFields.Title] = value; break;
            case (CrmEntityKind.Contact, "hs_buying_role"): fields[CrmFields.Role] = value; break;
            case (CrmEntityKind.Contact, "associatedcompanyid"): fields[CrmFields.AccountId] = value; break;
            case (CrmEntityKind.Account, "name"): fields[CrmFields.Name] = value; break;
            case (CrmEntityKind.Account, "domain"): fields[CrmFields.Domains] = CrmValues.Domain(value); break;
            case (CrmEntityKind.Case, "createdate"): fields[CrmFields.OpenedAt] = CrmValues.FromEpochMillis(value); break;
            case (CrmEntityKind.Case, "closed_date"): fields[CrmFields.ResolvedAt] = CrmValues.FromEpochMillis(value); break;
            case (CrmEntityKind.Case, "time_to_close"):
                fields[CrmFields.HandleMinutes] = CrmValues.ReadNumber(value) is { } ms ? CrmValues.Number(Math.Round(ms / 60_000m, 2)) : null;
                break;
            default:
                break;
        }
    }

    private static bool TryText(JsonElement item, string name, out string text)
    {
        text = item.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? Text(value) : string.Empty;
        return text.Length > 0;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
