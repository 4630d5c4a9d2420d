using System.Text.Json;
using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// Turns a Graph notification POST into capture work. It must answer within Graph's 3-second budget, so it only
/// authenticates each item against its subscription's clientState and queues ids; fetching happens in the queue step.
/// </summary>
public sealed partial class NotificationIntake(
    ISubscriptionStore subscriptions,
    IQueuePublisher queue,
    SalesFunctionsMetrics metrics,
    ILogger<NotificationIntake> logger)
{
    public async Task<IntakeResult> AcceptAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var collection = Parse(body);

        // One batch often carries many items of few subscriptions; each is looked up once, all at the same time, to
        // stay well inside Graph's 3-second budget.
        var keys = collection.Value!.Where(IsChange).Select(n => (n.TenantId!, n.SubscriptionId!)).Distinct().ToList();
        var found = await Task.WhenAll(keys.Select(k => subscriptions.FindAsync(k.Item1, k.Item2, cancellationToken)));
        var lookup = keys.Zip(found).ToDictionary(p => p.First, p => p.Second);

        var requests = new List<CaptureRequest>();
        int rejected = 0, ignored = 0;
        foreach (var notification in collection.Value!)
        {
            if (!IsChange(notification))
            {
                ignored++;
                continue;
            }

            var subscription = lookup[(notification.TenantId!, notification.SubscriptionId!)];
            if (subscription is null || !ClientStates.Matches(notification.ClientState, subscription.ClientStateHash))
            {
                // Not from Graph, or for a subscription we deleted: never processed, counted and logged without the secret.
                rejected++;
                LogRejected(logger, notification.SubscriptionId!, subscription is null ? "unknown subscription" : "clientState mismatch");
                continue;
            }

            // The mailbox comes from our own subscription record, never from the notification's resource path.
            requests.Add(new CaptureRequest(notification.TenantId!, subscription.Mailbox, subscription.Resource, notification.ResourceData!.Id!,
                notification.ChangeType ?? "updated", subscription.SubscriptionId));
        }

        if (requests.Count > 0)
        {
            await queue.SendBatchAsync(QueueNames.Capture, requests, cancellationToken);
        }

        metrics.NotificationsAccepted.Add(requests.Count);
        metrics.NotificationsRejected.Add(rejected);
        LogAccepted(logger, requests.Count, rejected, ignored);
        return new IntakeResult(requests.Count, rejected, ignored);
    }

    /// <summary>A change notification we can act on; lifecycle events and items without ids are not.</summary>
    private static bool IsChange(ChangeNotification notification) =>
        notification.LifecycleEvent is null
        && !string.IsNullOrEmpty(notification.ResourceData?.Id)
        && !string.IsNullOrEmpty(notification.SubscriptionId)
        && !string.IsNullOrEmpty(notification.TenantId);

    private static ChangeNotificationCollection Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var collection = JsonSerializer.Deserialize<ChangeNotificationCollection>(body.Span);
            return collection?.Value is null
                ? throw new InvalidNotificationException("The body has no 'value' array of notifications.")
                : collection;
        }
        catch (JsonException e)
        {
            throw new InvalidNotificationException("The body is not valid JSON.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a notification for subscription {SubscriptionId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string subscriptionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications: {Accepted} queued, {Rejected} rejected, {Ignored} ignored")]
    private static partial void LogAccepted(ILogger logger, int accepted, int rejected, int ignored);
}
