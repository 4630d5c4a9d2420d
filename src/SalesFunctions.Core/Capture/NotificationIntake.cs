using System.Text.Json;
using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// Turns a Graph notification POST into queued work. It must answer within Graph's 3-second budget, so it only
/// authenticates each item against its subscription's clientState and queues ids; the work happens in queue steps.
/// </summary>
public sealed partial class NotificationIntake(
    ISubscriptionStore subscriptions,
    IQueuePublisher queue,
    CaptureTracer tracer,
    TimeProvider time,
    SalesFunctionsMetrics metrics,
    ILogger<NotificationIntake> logger)
{
    /// <summary>Change notifications (POST graph/notifications): one capture request per authentic item.</summary>
    public async Task<IntakeResult> AcceptAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var items = Parse(body);
        var changes = items.Where(IsChange).ToList();
        var (authentic, rejected) = await AuthenticateAsync(changes, cancellationToken);

        // The mailbox comes from our own subscription record, never from the notification's resource path.
        var requests = authentic.Select(a => new CaptureRequest(a.Notification.TenantId!, a.Subscription.Mailbox, a.Subscription.Resource,
            a.Notification.ResourceData!.Id!, a.Notification.ChangeType ?? "updated", a.Subscription.SubscriptionId)).ToList();
        if (requests.Count > 0)
        {
            // Only authentic items leave a trace: an unauthenticated caller must not be able to fill our storage.
            var now = time.GetUtcNow();
            var traces = requests.Select(r => new CaptureTrace(r.TenantId, now, TraceStage.Received, TraceKeys.ForItem(r.ItemId), r.ItemId, null,
                r.SubscriptionId, MailboxHash: TraceKeys.Mailbox(r.Mailbox))).ToList();
            await Task.WhenAll(queue.SendBatchAsync(QueueNames.Capture, requests, cancellationToken), tracer.RecordAsync(traces, cancellationToken));
        }

        metrics.NotificationsAccepted.Add(requests.Count);
        metrics.NotificationsRejected.Add(rejected);
        var result = new IntakeResult(requests.Count, rejected, items.Count - changes.Count);
        LogAccepted(logger, "change", result.Accepted, result.Rejected, result.Ignored);
        return result;
    }

    /// <summary>Lifecycle notifications (POST graph/lifecycle): one lifecycle notice per authentic item.</summary>
    public async Task<IntakeResult> AcceptLifecycleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var items = Parse(body);
        var events = items.Where(n => n.LifecycleEvent is { Length: > 0 } && HasSubscription(n)).ToList();
        var (authentic, rejected) = await AuthenticateAsync(events, cancellationToken);
        var notices = authentic.Select(a => new LifecycleNotice(a.Subscription.TenantId, a.Subscription.SubscriptionId, a.Notification.LifecycleEvent!)).ToList();
        if (notices.Count > 0)
        {
            await queue.SendBatchAsync(QueueNames.Lifecycle, notices, cancellationToken);
        }

        metrics.NotificationsRejected.Add(rejected);
        var result = new IntakeResult(notices.Count, rejected, items.Count - events.Count);
        LogAccepted(logger, "lifecycle", result.Accepted, result.Rejected, result.Ignored);
        return result;
    }

    /// <summary>
    /// Items whose subscription we hold and whose clientState matches its stored hash. One batch often carries many
    /// items of few subscriptions; each is looked up once, all at the same time, to stay inside the 3-second budget.
    /// </summary>
    private async Task<(List<(ChangeNotification Notification, SubscriptionRecord Subscription)> Authentic, int Rejected)> AuthenticateAsync(
        List<ChangeNotification> items, CancellationToken cancellationToken)
    {
        var keys = items.Select(n => (n.TenantId!, n.SubscriptionId!)).Distinct().ToList();
        var found = await Task.WhenAll(keys.Select(k => subscriptions.FindAsync(k.Item1, k.Item2, cancellationToken)));
        var lookup = keys.Zip(found).ToDictionary(p => p.First, p => p.Second);
        var authentic = new List<(ChangeNotification, SubscriptionRecord)>();
        var rejected = 0;
        foreach (var item in items)
        {
            var subscription = lookup[(item.TenantId!, item.SubscriptionId!)];
            if (subscription is null || !ClientStates.Matches(item.ClientState, subscription.ClientStateHash))
            {
                // Not from Graph, or for a subscription we deleted: never processed, counted and logged without the secret.
                rejected++;
                LogRejected(logger, item.SubscriptionId!, subscription is null ? "unknown subscription" : "clientState mismatch");
                continue;
            }

            authentic.Add((item, subscription));
        }

        return (authentic, rejected);
    }

    private static bool HasSubscription(ChangeNotification notification) =>
        !string.IsNullOrEmpty(notification.SubscriptionId) && !string.IsNullOrEmpty(notification.TenantId);

    /// <summary>A change notification we can act on; lifecycle events and items without ids are not.</summary>
    private static bool IsChange(ChangeNotification notification) =>
        notification.LifecycleEvent is null && !string.IsNullOrEmpty(notification.ResourceData?.Id) && HasSubscription(notification);

    private static IReadOnlyList<ChangeNotification> Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var collection = JsonSerializer.Deserialize<ChangeNotificationCollection>(body.Span);
            return collection?.Value ?? throw new InvalidNotificationException("The body has no 'value' array of notifications.");
        }
        catch (JsonException e)
        {
            throw new InvalidNotificationException("The body is not valid JSON.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a notification for subscription {SubscriptionId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string subscriptionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} notifications: {Accepted} queued, {Rejected} rejected, {Ignored} ignored")]
    private static partial void LogAccepted(ILogger logger, string kind, int accepted, int rejected, int ignored);
}
