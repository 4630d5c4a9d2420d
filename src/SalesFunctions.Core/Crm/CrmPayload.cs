namespace SalesFunctions.Core.Crm;

/// <summary>
/// A parsed webhook body: the changes it carries, how many events were of kinds we do not model (acknowledged and
/// skipped, because refusing them would make the CRM retry and finally disable the webhook), and for Salesforce the
/// org it came from.
/// </summary>
public sealed record CrmPayload(IReadOnlyList<CrmChange> Changes, int Ignored, string? OrganizationId = null)
{
    /// <summary>What the connector's setup lacks, though the payload was accepted (a field the CRM admin did not select).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Parses a body of the connector's provider; throws <see cref="CrmPayloadException"/> when it is not one.</summary>
    /// <param name="receivedAt">When the webhook arrived: the version of a change whose payload carries no time of its own.</param>
    public static CrmPayload Parse(CrmConnector connector, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers, DateTimeOffset receivedAt) =>
        connector.Provider switch
        {
            CrmProvider.HubSpot => HubSpotPayload.Parse(connector, body),
            CrmProvider.Salesforce => SalesforcePayload.Parse(body, receivedAt),
            CrmProvider.Dynamics => DynamicsPayload.Parse(body, headers.ContainsKey(DynamicsPayload.SizeExceededHeader)),
            CrmProvider.Pipedrive => PipedrivePayload.Parse(body),
            CrmProvider.Generic => GenericPayload.Parse(body),
            _ => throw new CrmPayloadException($"Provider {connector.Provider} has no parser."),
        };
}
