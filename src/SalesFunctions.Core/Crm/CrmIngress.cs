using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Telemetry;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// POST crm/{provider}/{connectorId}: authenticate the provider's way, check the body is what that provider sends, keep
/// the raw body, queue a pointer to it, and only then acknowledge, in the provider's format. Nothing is stored for a
/// request that fails authentication or parsing. All work on the events happens in the "crm" queue step.
/// </summary>
public sealed partial class CrmIngress(
    IOptionsMonitor<CrmOptions> options,
    ICrmPayloadStore payloads,
    IQueuePublisher queue,
    TimeProvider time,
    SalesFunctionsMetrics metrics,
    ILogger<CrmIngress> logger)
{
    private const string Unauthenticated = "Not authenticated";

    public async Task<CrmIngressResult> AcceptAsync(string provider, string connectorId, CrmRequest request, CancellationToken cancellationToken)
    {
        // The tenant is tagged only from our own configuration, once the connector is known.
        using var span = SalesFunctionsTracing.StartStep("crm webhook", null);
        var result = await AuthenticateAndQueueAsync(provider, connectorId, request, span, cancellationToken);
        var outcome = result.Status == 200 ? "accepted" : "refused";
        span.SetOutcome(outcome);
        span?.SetTag("http.response.status_code", result.Status);
        metrics.CrmEvents.Add(1, new KeyValuePair<string, object?>("provider", KnownProvider(provider)), new KeyValuePair<string, object?>("outcome", outcome));
        return result;
    }

    /// <summary>A provider name from the route becomes a tag only when it is one we know: anyone may call the route.</summary>
    private static string KnownProvider(string provider) =>
        Enum.TryParse<CrmProvider>(provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !provider.Any(char.IsDigit)
            ? kind.ToString().ToLowerInvariant()
            : "unknown";

    private async Task<CrmIngressResult> AuthenticateAndQueueAsync(
        string provider, string connectorId, CrmRequest request, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CrmProvider>(provider, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || provider.Any(char.IsDigit))
        {
            return CrmIngressResult.Problem(404, "Unknown CRM provider", $"'{provider}' is not one of hubspot, salesforce, dynamics, pipedrive, generic.");
        }

        // Unknown connectors and wrong providers answer like a bad signature, so the route does not reveal which ids exist.
        if (!options.CurrentValue.Connectors.TryGetValue(connectorId, out var connector) || connector.Provider != kind)
        {
            LogRejected(logger, kind, "no connector with this id for this provider");
            return CrmIngressResult.Problem(401, Unauthenticated, "The request could not be authenticated for this connector.");
        }

        span?.SetTag(SalesFunctionsTracing.TenantTag, connector.TenantId);
        if (CrmAuthenticator.Check(connector, request, time.GetUtcNow()) is { } reason)
        {
            LogRejected(logger, kind, reason);
            return CrmIngressResult.Problem(401, Unauthenticated, $"The request could not be authenticated for this connector: {reason}.");
        }

        CrmPayload payload;
        try
        {
            payload = CrmPayload.Parse(connector, request.Body, request.Headers, time.GetUtcNow());
        }
        catch (CrmPayloadException e)
        {
            LogMalformed(logger, kind, e.Message);
            return CrmIngressResult.Problem(400, $"Not a {kind} webhook payload", e.Message);
        }

        if (kind == CrmProvider.Salesforce && CrmAuthenticator.SalesforceOrganization(connector, payload.OrganizationId!) is { } orgReason)
        {
            LogRejected(logger, kind, orgReason);
            return CrmIngressResult.Problem(401, Unauthenticated, $"The request could not be authenticated for this connector: {orgReason}.");
        }

        // Persist, then queue, then acknowledge: if either fails the provider gets a 5xx and retries.
        var receivedAt = time.GetUtcNow();
        var name = await payloads.SaveAsync(connector.TenantId, connectorId, request.Body, cancellationToken);
        var trimmed = request.Headers.ContainsKey(DynamicsPayload.SizeExceededHeader);
        await queue.SendAsync(QueueNames.Crm, new CrmMessage(connector.TenantId, connectorId, kind, name, receivedAt, trimmed), cancellationToken);
        LogAccepted(logger, kind, payload.Changes.Count, payload.Ignored);

        return kind == CrmProvider.Salesforce
            ? new CrmIngressResult(200, SalesforcePayload.Ack, "text/xml; charset=utf-8")
            : new CrmIngressResult(200, JsonSerializer.Serialize(new { accepted = payload.Changes.Count, ignored = payload.Ignored }, JsonSerializerOptions.Web), "application/json");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM webhook ({Provider}) rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, CrmProvider provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM webhook ({Provider}) malformed: {Reason}")]
    private static partial void LogMalformed(ILogger logger, CrmProvider provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM webhook ({Provider}) accepted: {Changes} changes, {Ignored} events of kinds not modelled")]
    private static partial void LogAccepted(ILogger logger, CrmProvider provider, int changes, int ignored);
}
