using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Telemetry;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Core.Sync;

/// <summary>
/// The "sync" queue step: walks one mailbox folder's delta from its stored cursor and hands every activity to the
/// score step, which is idempotent, so replays and full resyncs never double count. Transitions by failure kind:
/// cursor expired → drop the cursor and start a full round; transient, throttled or unknown → fail the message so the
/// queue retries (the Graph SDK has already honoured Retry-After); permission denied or not found → record and stop,
/// as retrying cannot help; the sweep re-drives it later.
/// </summary>
public sealed partial class DeltaSyncService(
    IMailboxDelta delta,
    IMailboxReader reader,
    ISyncStateStore states,
    TenantDirectoryCache directories,
    IQueuePublisher queue,
    CaptureTracer tracer,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<DeltaSyncService> logger)
{
    public async Task<SyncState> SyncAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = SalesFunctionsTracing.StartStep("sync", request.TenantId);
        span?.SetTag("salesfunctions.sync.folder_kind", SyncFolders.All.Contains(request.Folder) ? request.Folder : "filed folder");
        var state = await SyncCoreAsync(request, cancellationToken);
        span.SetOutcome(state.Status.ToString());
        return state;
    }

    private async Task<SyncState> SyncCoreAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        if (request.Folder == SyncFolders.Discover)
        {
            return await DiscoverAsync(request, cancellationToken);
        }

        var state = await states.GetAsync(request.TenantId, request.Mailbox, request.Folder, cancellationToken)
            ?? SyncState.New(request.TenantId, request.Mailbox, request.Folder);
        var directory = await directories.GetAsync(request.TenantId, cancellationToken);
        try
        {
            for (var pages = 0; ; pages++)
            {
                if (pages == options.Value.MaxPagesPerRun)
                {
                    await queue.SendAsync(QueueNames.Sync, request with { Reason = "continue" }, cancellationToken);
                    return state;
                }

                if (await ScoreBacklogIsFullAsync(cancellationToken))
                {
                    // Nothing is lost by stopping here: the cursor of the last page is saved, and the delayed message
                    // resumes from it.
                    await queue.SendLaterAsync(QueueNames.Sync, request with { Reason = "continue" }, TimeSpan.FromSeconds(options.Value.BacklogPauseSeconds), cancellationToken);
                    LogPaused(logger, request.Folder, options.Value.BacklogPauseSeconds);
                    return state;
                }

                var page = await GetPageAsync(request, state, cancellationToken);
                if (page is null)
                {
                    // The cursor expired: start a full round.
                    state = state with { Status = SyncStatus.New, Cursor = null };
                    continue;
                }

                var messages = await WithStableIdsAsync(page.Messages, m => m.InternetMessageId, m => reader.GetMessageAsync(request.TenantId, request.Mailbox, m.Id, cancellationToken));
                var events = await WithStableIdsAsync(page.Events, e => e.ICalUId, e => reader.GetEventAsync(request.TenantId, request.Mailbox, e.Id, cancellationToken));
                var normalised = messages.Select(m => (m.Id, Result: ActivityNormaliser.FromMessage(directory, m)))
                    .Concat(events.Select(e => (e.Id, Result: ActivityNormaliser.FromEvent(directory, e)))).ToList();
                var activities = normalised.Select(n => n.Result.Activity).OfType<Activity>().ToList();
                if (activities.Count > 0)
                {
                    await queue.SendBatchAsync(QueueNames.Score, activities, cancellationToken);
                }

                var now = time.GetUtcNow();
                await tracer.RecordAsync(normalised.Select(n => new CaptureTrace(request.TenantId, now, TraceStage.Synced, n.Result.Key ?? TraceKeys.ForItem(n.Id),
                    n.Id, n.Result.Outcome, Folder: request.Folder, MailboxHash: TraceKeys.Mailbox(request.Mailbox))).ToList(), cancellationToken);

                if (page.DeltaLink is null && page.NextLink is null)
                {
                    // Graph always ends a page with one of the two; without either there is no way on, and restarting
                    // the round would loop. Fail visibly instead.
                    throw new SyncException(SyncFailureKind.Unknown, "A delta page had neither a nextLink nor a deltaLink.");
                }

                var seen = state.ItemsSeen + page.Messages.Count + page.Events.Count;
                state = page.DeltaLink is { } deltaLink
                    ? state with { Status = SyncStatus.Synced, Cursor = deltaLink, LastSuccessAt = time.GetUtcNow(), LastError = null, LastErrorAt = null, ItemsSeen = seen }
                    : state with { Status = SyncStatus.Walking, Cursor = page.NextLink, ItemsSeen = seen };

                // Saved after every page: a crash resumes from the last page, and its items are simply scored again.
                await states.SaveAsync(state, cancellationToken);
                if (state.Status == SyncStatus.Synced)
                {
                    LogSynced(logger, request.Folder, seen);
                    return state;
                }
            }
        }
        catch (SyncException e)
        {
            await states.SaveAsync(state with { Status = SyncStatus.Failed, LastError = e.Kind, LastErrorAt = time.GetUtcNow() }, cancellationToken);
            LogFailed(logger, request.Folder, e.Kind);
            if (e.Kind is SyncFailureKind.PermissionDenied or SyncFailureKind.NotFound)
            {
                return state with { Status = SyncStatus.Failed, LastError = e.Kind };
            }

            throw;
        }
    }

    /// <summary>
    /// Lists the folders the user filed mail into and queues a sync of each; forgets the cursors of folders that no
    /// longer exist (their mail went to Deleted Items, and its activities stay counted). Its own state row shows when
    /// the folder list was last read and why it failed.
    /// </summary>
    private async Task<SyncState> DiscoverAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(request.TenantId, request.Mailbox, request.Folder, cancellationToken)
            ?? SyncState.New(request.TenantId, request.Mailbox, request.Folder);
        IReadOnlyList<string> folders;
        try
        {
            folders = await delta.ListFiledFoldersAsync(request.TenantId, request.Mailbox, cancellationToken);
        }
        catch (SyncException e)
        {
            var failed = state with { Status = SyncStatus.Failed, LastError = e.Kind, LastErrorAt = time.GetUtcNow() };
            await states.SaveAsync(failed, cancellationToken);
            LogFailed(logger, request.Folder, e.Kind);
            if (e.Kind is SyncFailureKind.PermissionDenied or SyncFailureKind.NotFound)
            {
                return failed;
            }

            throw;
        }

        if (folders.Count > 0)
        {
            await queue.SendBatchAsync(QueueNames.Sync, folders.Select(f => request with { Folder = f }).ToList(), cancellationToken);
        }

        var known = await states.ListAsync(request.TenantId, cancellationToken);
        foreach (var gone in known.Where(s => string.Equals(s.Mailbox, request.Mailbox, StringComparison.OrdinalIgnoreCase)
            && SyncFolders.IsFiled(s.Folder) && !folders.Contains(s.Folder)))
        {
            await states.DeleteAsync(gone, cancellationToken);
        }

        state = state with { Status = SyncStatus.Synced, LastSuccessAt = time.GetUtcNow(), LastError = null, LastErrorAt = null, ItemsSeen = folders.Count };
        await states.SaveAsync(state, cancellationToken);
        LogDiscovered(logger, folders.Count);
        return state;
    }

    private async Task<bool> ScoreBacklogIsFullAsync(CancellationToken cancellationToken) =>
        options.Value.ScoreBacklogLimit > 0 && await queue.ApproximateDepthAsync(QueueNames.Score, cancellationToken) > options.Value.ScoreBacklogLimit;

    /// <summary>The next page, or null when the stored cursor has expired (then the caller starts a full round).</summary>
    private async Task<DeltaPage?> GetPageAsync(SyncRequest request, SyncState state, CancellationToken cancellationToken)
    {
        try
        {
            return await delta.GetPageAsync(request.TenantId, request.Mailbox, request.Folder, state.Cursor, cancellationToken);
        }
        catch (SyncException e) when (e.Kind == SyncFailureKind.CursorExpired && state.Cursor is not null)
        {
            LogCursorExpired(logger, request.Folder);
            return null;
        }
    }

    /// <summary>
    /// A delta item can come without the property that makes it one activity across mailboxes (a calendarView item
    /// without iCalUId, a message change without internetMessageId): it is read by its Graph id before it is judged, and
    /// kept as it came when the read has no more (or the item is gone: the normaliser then excludes it as before).
    /// </summary>
    private static async Task<List<T>> WithStableIdsAsync<T>(IReadOnlyList<T> items, Func<T, string?> stableId, Func<T, Task<T?>> read)
        where T : class
    {
        var complete = new List<T>(items.Count);
        foreach (var item in items)
        {
            complete.Add(string.IsNullOrWhiteSpace(stableId(item)) && await read(item) is { } fetched && !string.IsNullOrWhiteSpace(stableId(fetched)) ? fetched : item);
        }

        return complete;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delta sync of {Folder} complete; {ItemsSeen} items seen in all")]
    private static partial void LogSynced(ILogger logger, string folder, long itemsSeen);

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Folders} filed mail folders; each is queued for delta sync")]
    private static partial void LogDiscovered(ILogger logger, int folders);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delta sync of {Folder} paused for {Seconds} s: the score queue is over its backlog limit")]
    private static partial void LogPaused(ILogger logger, string folder, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delta cursor of {Folder} expired; starting a full resync")]
    private static partial void LogCursorExpired(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delta sync of {Folder} failed: {Kind}")]
    private static partial void LogFailed(ILogger logger, string folder, SyncFailureKind kind);
}
