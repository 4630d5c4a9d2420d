namespace SalesFunctions.Core.Crm;

/// <summary>
/// A parsed webhook body: the changes it carries, how many events were of kinds we do not model (acknowledged and
/// skipped, because refusing them would make the CRM retry and finally disable the webhook), and for Salesforce the
/// org it came from.
/// </summary>
public sealed record CrmPayload(IReadOnlyList<CrmChange> Changes, int Ignored, string? OrganizationId = null)
{
    /// <summary>
    /// Event and record ids become Table Storage keys (escaped, next to the connector id, within the 1 KiB a key may
    /// hold). Real ones are GUIDs, Salesforce's 18 characters, or HubSpot's eventId:objectId:occurredAt.
    /// </summary>
    public const int MaxIdLength = 128;

    /// <summary>What the connector's setup lacks, though the payload was accepted (a field the CRM admin did not select).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Parses a body of the connector's provider; throws <see cref="CrmPayloadException"/> when it is not one, or when an
    /// id is one no provider sends: refused before the acknowledgement, never poisoned on every replay after it.
    /// </summary>
    /// <param name="receivedAt">When the webhook arrived: the version of a change whose payload carries no time of its own.</param>
    public static CrmPayload Parse(CrmConnector connector, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers, DateTimeOffset receivedAt)
    {
        var payload = connector.Provider switch
        {
            CrmProvider.HubSpot => HubSpotPayload.Parse(connector, body),
            CrmProvider.Salesforce => SalesforcePayload.Parse(body, receivedAt),
            CrmProvider.Dynamics => DynamicsPayload.Parse(body, headers.ContainsKey(DynamicsPayload.SizeExceededHeader)),
            CrmProvider.Pipedrive => PipedrivePayload.Parse(body),
            CrmProvider.Generic => GenericPayload.Parse(body),
            _ => throw new CrmPayloadException($"Provider {connector.Provider} has no parser."),
        };
        for (var i = 0; i < payload.Changes.Count; i++)
        {
            CheckId(i, "event id", payload.Changes[i].EventId);
            CheckId(i, "record id", payload.Changes[i].ExternalId);
        }

        return payload;
    }

    private static void CheckId(int index, string what, string id)
    {
        if (id.Length is 0 or > MaxIdLength || id.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
        {
            throw new CrmPayloadException($"Event {index}: the {what} must be 1 to {MaxIdLength} characters, without control characters or / \\ # ?.");
        }
    }
}
