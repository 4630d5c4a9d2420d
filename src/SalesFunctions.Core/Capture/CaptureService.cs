using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Telemetry;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Core.Capture;

/// <summary>The "capture" queue step: read one item's metadata, normalise it, and hand the activity to scoring.</summary>
public sealed partial class CaptureService(
    IMailboxReader mailboxes,
    ICallRecordReader calls,
    TenantDirectoryCache directories,
    IQueuePublisher queue,
    CaptureTracer tracer,
    TimeProvider time,
    SalesFunctionsMetrics metrics,
    IOptions<CaptureOptions> options,
    ILogger<CaptureService> logger)
{
    public async Task<CaptureOutcome> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = SalesFunctionsTracing.StartStep("capture", request.TenantId);
        Normalised outcome;
        try
        {
            outcome = await NormaliseAsync(request, cancellationToken);
        }
        catch (GraphThrottledException throttled) when (request.Deferrals < MaxDeferrals)
        {
            // Throttling can outlast the SDK's retries and the queue's five quick attempts; the read is put off instead,
            // honouring Graph's Retry-After, so that a throttling storm delays an item and never poisons it.
            var delay = DeferralDelay(TimeSpan.FromSeconds(options.Value.ThrottledDeferralSeconds), throttled.RetryAfter, request.Deferrals);
            await queue.SendLaterAsync(QueueNames.Capture, request with { Deferrals = request.Deferrals + 1 }, delay, cancellationToken);
            span.SetOutcome(nameof(CaptureOutcome.Deferred));
            metrics.ItemsCaptured.Add(1, new KeyValuePair<string, object?>("outcome", nameof(CaptureOutcome.Deferred)));
            LogDeferred(logger, request.Resource, request.Deferrals + 1, delay.TotalSeconds);
            return CaptureOutcome.Deferred;
        }

        span.SetOutcome(outcome.Outcome.ToString());
        if (outcome.Activity is { } activity)
        {
            await queue.SendAsync(QueueNames.Score, activity, cancellationToken);
        }
        else if (outcome.Outcome == CaptureOutcome.SeriesMaster)
        {
            // A recurring meeting is notified as its series master; the occurrences that happen (and the cancelled or
            // declined ones that do not count) are only in calendarView, so sync the calendar.
            await queue.SendAsync(QueueNames.Sync, new SyncRequest(request.TenantId, request.Mailbox, SyncFolders.Calendar, "recurring"), cancellationToken);
        }

        await tracer.RecordAsync(
            [new CaptureTrace(request.TenantId, time.GetUtcNow(), TraceStage.Fetched, outcome.Key ?? TraceKeys.ForItem(request.ItemId), request.ItemId,
                outcome.Outcome, request.SubscriptionId, MailboxHash: TraceKeys.Mailbox(request.Mailbox))],
            cancellationToken);
        metrics.ItemsCaptured.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Outcome.ToString()));
        LogCaptured(logger, request.SubscriptionId, request.Resource, outcome.Outcome);
        return outcome.Outcome;
    }

    /// <summary>Deferrals before a throttled read fails as any other error would: about an hour of throttling.</summary>
    public const int MaxDeferrals = 8;

    /// <summary>The first wait (30 s by default) doubling per deferral up to 15 minutes, and never sooner than Graph's Retry-After.</summary>
    public static TimeSpan DeferralDelay(TimeSpan first, TimeSpan? retryAfter, int deferrals)
    {
        var backoff = TimeSpan.FromSeconds(Math.Min(900, first.TotalSeconds * Math.Pow(2, deferrals)));
        return retryAfter is { } graph && graph > backoff ? graph : backoff;
    }

    private async Task<Normalised> NormaliseAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        // A deleted item stays counted: the activity happened, and deleting mail is housekeeping (docs/adr/0003).
        if (string.Equals(request.ChangeType, "deleted", StringComparison.OrdinalIgnoreCase))
        {
            return Normalised.Excluded(CaptureOutcome.Deleted);
        }

        var directory = await directories.GetAsync(request.TenantId, cancellationToken);
        if (request.Resource == MailboxResource.CallRecords)
        {
            // Graph revises a record after the call (version raised, an "updated" notification): reading it again
            // rewrites the same activity.
            var record = await calls.GetCallRecordAsync(request.TenantId, request.ItemId, cancellationToken);
            return record is null ? Normalised.Excluded(CaptureOutcome.Gone) : CallNormaliser.FromCallRecord(directory, record);
        }

        if (request.Resource == MailboxResource.Messages)
        {
            var message = await mailboxes.GetMessageAsync(request.TenantId, request.Mailbox, request.ItemId, cancellationToken);
            return message is null ? Normalised.Excluded(CaptureOutcome.Gone) : ActivityNormaliser.FromMessage(directory, message);
        }

        var calendarEvent = await mailboxes.GetEventAsync(request.TenantId, request.Mailbox, request.ItemId, cancellationToken);
        return calendarEvent is null ? Normalised.Excluded(CaptureOutcome.Gone) : ActivityNormaliser.FromEvent(directory, calendarEvent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph throttled a read of {Resource} beyond the SDK's retries: deferral {Deferral}, read again in {DelaySeconds} s")]
    private static partial void LogDeferred(ILogger logger, MailboxResource resource, int deferral, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Captured an item of {Resource} via subscription {SubscriptionId}: {Outcome}")]
    private static partial void LogCaptured(ILogger logger, string subscriptionId, MailboxResource resource, CaptureOutcome outcome);
}
