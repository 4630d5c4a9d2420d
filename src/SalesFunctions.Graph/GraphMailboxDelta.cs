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
        catch (AggregateException e) when (GraphThrottling.IsThrottling(e))
        {
            // The SDK gave up retrying: throttled as much as a single 429 would be.
            throw new SyncException(SyncFailureKind.Throttled, "Graph kept throttling a delta request beyond the SDK's retries.", e);
        }
        catch (HttpRequestException e)
        {
            throw new SyncException(SyncFailureKind.Transient, "The delta request did not reach Graph.", e);
        }
    }

    public async Task<IReadOnlyList<string>> ListFiledFoldersAsync(string tenantId, string mailbox, CancellationToken cancellationToken)
    {
        try
        {
            var user = clients.ForTenant(tenantId).Users[mailbox];

            // Well-known names work in every mailbox locale; display names do not, so exclusion is by id.
            var skipped = new HashSet<string>(StringComparer.Ordinal);
            var excludedTrees = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in NotFiled)
            {
                var folder = await limiter.RunAsync(tenantId, mailbox, () => GetWellKnownAsync(user, name, cancellationToken), cancellationToken);
                if (folder?.Id is { } id)
                {
                    skipped.Add(id);

                    // Inbox and Sent Items are tracked by name, but users file into their subfolders too.
                    if (name is not (SyncFolders.Inbox or SyncFolders.SentItems))
                    {
                        excludedTrees.Add(id);
                    }
                }
            }

            var filed = new List<string>();
            var pending = new Queue<(string? ParentId, int Depth)>([(null, 0)]);
            while (pending.TryDequeue(out var parent) && filed.Count < MaxFolders)
            {
                foreach (var folder in await ListChildrenAsync(tenantId, mailbox, user, parent.ParentId, cancellationToken))
                {
                    if (folder.Id is not { } id || excludedTrees.Contains(id))
                    {
                        continue;
                    }

                    if (!skipped.Contains(id))
                    {
                        filed.Add(id);
                    }

                    if (folder.ChildFolderCount > 0 && parent.Depth < MaxDepth)
                    {
                        pending.Enqueue((id, parent.Depth + 1));
                    }
                }
            }

            return filed;
        }
        catch (ApiException e)
        {
            var code = (e as ODataError)?.Error?.Code;
            throw new SyncException(Classify(e.ResponseStatusCode, code), $"Graph answered {e.ResponseStatusCode} ({code}) to a folder list request.", e);
        }
        catch (AggregateException e) when (GraphThrottling.IsThrottling(e))
        {
            throw new SyncException(SyncFailureKind.Throttled, "Graph kept throttling a folder list request beyond the SDK's retries.", e);
        }
        catch (HttpRequestException e)
        {
            throw new SyncException(SyncFailureKind.Transient, "The folder list request did not reach Graph.", e);
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

    // Folders that never hold a sales conversation, and the two tracked by name; "archive" (One-Click Archive) is filed mail.
    private static readonly string[] NotFiled = ["inbox", "sentitems", "drafts", "deleteditems", "junkemail", "outbox", "conversationhistory"];
    private const int MaxDepth = 8;
    private const int MaxFolders = 500;

    private static async Task<MailFolder?> GetWellKnownAsync(Microsoft.Graph.Users.Item.UserItemRequestBuilder user, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await user.MailFolders[name].GetAsync(r => r.QueryParameters.Select = ["id"], cancellationToken);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            // Not every mailbox has every well-known folder (Conversation History appears with Teams or Skype).
            return null;
        }
    }

    private async Task<List<MailFolder>> ListChildrenAsync(
        string tenantId, string mailbox, Microsoft.Graph.Users.Item.UserItemRequestBuilder user, string? parentId, CancellationToken cancellationToken)
    {
        var folders = new List<MailFolder>();
        string? next = null;
        do
        {
            var link = next;
            var page = await limiter.RunAsync(tenantId, mailbox, async () =>
            {
                if (parentId is null)
                {
                    var top = link is null ? user.MailFolders : user.MailFolders.WithUrl(link);
                    return await top.GetAsync(r => { r.QueryParameters.Select = ["id", "childFolderCount"]; r.QueryParameters.Top = 100; }, cancellationToken);
                }

                var children = link is null ? user.MailFolders[parentId].ChildFolders : user.MailFolders[parentId].ChildFolders.WithUrl(link);
                return await children.GetAsync(r => { r.QueryParameters.Select = ["id", "childFolderCount"]; r.QueryParameters.Top = 100; }, cancellationToken);
            }, cancellationToken);
            folders.AddRange(page?.Value ?? []);
            next = page?.OdataNextLink;
        }
        while (next is not null);

        return folders;
    }

    private DateTimeOffset Since() => time.GetUtcNow().AddDays(-options.Value.HistoryDays);

    // A removed item carries only its id and "@removed": {"reason": "deleted" | "changed"}.
    private static bool IsRemoved(IDictionary<string, object>? additionalData) => additionalData?.ContainsKey("@removed") ?? false;
}
