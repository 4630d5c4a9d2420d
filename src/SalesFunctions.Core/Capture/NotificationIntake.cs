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
        var requests = new List<CaptureRequest>();
        int rejected = 0, ignored = 0;
        foreach (var notification in collection.Value!)
        {
            if (notification.LifecycleEvent is not null || notification.ResourceData?.Id is not { Length: > 0 } itemId
                || notification.SubscriptionId is not { Length: > 0 } subscriptionId || notification.TenantId is not { Length: > 0 } tenantId)
            {
                ignored++;
                continue;
            }

            var subscription = await subscriptions.FindAsync(tenantId, subscriptionId, cancellationToken);
            if (subscription is null || !ClientStates.Matches(notification.ClientState, subscription.ClientStateHash))
            {
                // Not from Graph, or for a subscription we deleted: never processed, counted and logged without the secret.
                rejected++;
                LogRejected(logger, subscriptionId, subscription is null ? "unknown subscription" : "clientState mismatch");
                continue;
            }

            // The mailbox comes from our own subscription record, never from the notification's resource path.
            requests.Add(new CaptureRequest(tenantId, subscription.Mailbox, subscription.Resource, itemId,
                notification.ChangeType ?? "updated", subscriptionId));
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
