using Microsoft.Extensions.Logging;
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
    ILogger<CaptureService> logger)
{
    public async Task<CaptureOutcome> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = SalesFunctionsTracing.StartStep("capture", request.TenantId);
        var outcome = await NormaliseAsync(request, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Captured an item of {Resource} via subscription {SubscriptionId}: {Outcome}")]
    private static partial void LogCaptured(ILogger logger, string subscriptionId, MailboxResource resource, CaptureOutcome outcome);
}
