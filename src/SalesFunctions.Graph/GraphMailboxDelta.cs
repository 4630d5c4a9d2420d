using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Graph;

/// <summary>
/// Messages delta per mail folder and calendarView delta over a window, metadata only. Links are followed exactly as
/// Graph returned them: they encode the original query, which must not be sent again.
/// </summary>
public sealed class GraphMailboxDelta(
    GraphServiceClients clients, MailboxRequestLimiter limiter, TenantDirectoryCache directories, IOptions<SyncOptions> options, TimeProvider time) : IMailboxDelta
{
    public async Task<DeltaPage> GetPageAsync(string tenantId, string mailbox, string folder, string? link, CancellationToken cancellationToken)
    {
        try
        {
            return await limiter.RunAsync(tenantId, mailbox, () => folder == SyncFolders.Calendar
                ? CalendarPageAsync(tenantId, mailbox, link, cancellationToken)
                : MessagePageAsync(tenantId, mailbox, folder, link, cancellationToken), cancellationToken);
        }
        catch (ApiException e)
        {
            // ODataError when Graph sent its JSON error body; the base ApiException when it did not (a gateway's 503).
            var code = (e as ODataError)?.Error?.Code;
            throw new SyncException(Classify(e.ResponseStatusCode, code), $"Graph answered {e.ResponseStatusCode} ({code}) to a delta request.", e);
        }
        catch (HttpRequestException e)
        {
            throw new SyncException(SyncFailureKind.Transient, "The delta request did not reach Graph.", e);
        }
    }

    /// <summary>Graph's answers mapped to the closed set of failure kinds that drive the sync state.</summary>
    public static SyncFailureKind Classify(int status, string? code) => (status, code) switch
    {
        (_, "syncStateNotFound" or "resyncRequired" or "syncStateInvalid") => SyncFailureKind.CursorExpired,
        (410, _) => SyncFailureKind.CursorExpired,
        (429 or 503 or 504, _) => SyncFailureKind.Throttled,
        (401 or 403, _) => SyncFailureKind.PermissionDenied,
        (404, _) => SyncFailureKind.NotFound,
        (>= 500, _) => SyncFailureKind.Transient,
        _ => SyncFailureKind.Unknown,
    };

    private async Task<DeltaPage> MessagePageAsync(string tenantId, string mailbox, string folder, string? link, CancellationToken cancellationToken)
    {
        // The $select of the first request is carried in every link after it: a policy change reaches delta at the next full round.
        var select = link is null ? await GraphMailboxReader.FieldsAsync(directories, tenantId, GraphMailboxReader.MessageFields, cancellationToken) : null;
        var builder = clients.ForTenant(tenantId).Users[mailbox].MailFolders[folder].Messages.Delta;
        var response = await (link is null ? builder : builder.WithUrl(link)).GetAsDeltaGetResponseAsync(request =>
        {
            request.Headers.Add("Prefer", $"odata.maxpagesize={options.Value.PageSize}");
            if (link is null)
            {
                request.QueryParameters.Select = select;
                request.QueryParameters.Expand = GraphMailboxReader.SensitivityExpand;
                request.QueryParameters.Filter = $"receivedDateTime ge {Since():yyyy-MM-ddTHH:mm:ssZ}";
            }
        }, cancellationToken);
        var items = response?.Value ?? [];
        return new DeltaPage(
            items.Where(m => !IsRemoved(m.AdditionalData)).Select(GraphMapper.ToMetadata).ToList(),
            [],
            items.Count(m => IsRemoved(m.AdditionalData)),
            response?.OdataNextLink,
            response?.OdataDeltaLink);
    }

    private async Task<DeltaPage> CalendarPageAsync(string tenantId, string mailbox, string? link, CancellationToken cancellationToken)
    {
        var builder = clients.ForTenant(tenantId).Users[mailbox].CalendarView.Delta;
        var response = await (link is null ? builder : builder.WithUrl(link)).GetAsDeltaGetResponseAsync(request =>
        {
            request.Headers.Add("Prefer", $"odata.maxpagesize={options.Value.PageSize}");
            request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            if (link is null)
            {
                request.QueryParameters.StartDateTime = Since().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                request.QueryParameters.EndDateTime = time.GetUtcNow().AddDays(options.Value.CalendarLookAheadDays).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            }
        }, cancellationToken);
        var items = response?.Value ?? [];
        return new DeltaPage(
            [],
            items.Where(e => !IsRemoved(e.AdditionalData)).Select(GraphMapper.ToMetadata).ToList(),
            items.Count(e => IsRemoved(e.AdditionalData)),
            response?.OdataNextLink,
            response?.OdataDeltaLink);
    }

    private DateTimeOffset Since() => time.GetUtcNow().AddDays(-options.Value.HistoryDays);

    // A removed item carries only its id and "@removed": {"reason": "deleted" | "changed"}.
    private static bool IsRemoved(IDictionary<string, object>? additionalData) => additionalData?.ContainsKey("@removed") ?? false;
}
