using SalesFunctions.Core.Sync;
using Microsoft.Extensions.Logging;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>The "lifecycle" queue step: acts on Graph's lifecycle events after the endpoint has answered 202.</summary>
public sealed partial class LifecycleService(ISubscriptionStore store, SubscriptionMaintenance maintenance, SyncScheduler sync, ILogger<LifecycleService> logger)
{
    public async Task HandleAsync(LifecycleNotice notice, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(notice.TenantId, notice.SubscriptionId, cancellationToken) is not { } subscription)
        {
            // Already replaced (a duplicate notice, or the renewal timer got there first).
            LogUnknown(logger, notice.SubscriptionId, notice.Event);
            return;
        }

        switch (notice.Event)
        {
            case "reauthorizationRequired":
                // A PATCH of the expiry reauthorizes and extends in one call.
                await maintenance.RenewOrRecreateAsync(subscription, cancellationToken);
                break;
            case "subscriptionRemoved":
                // Changes between the removal and the new subscription reach no one: delta fetches them. Call records
                // have no delta: the PSTN sweep covers phone calls of the gap, Teams-to-Teams calls of it are lost.
                await maintenance.RecreateAsync(subscription, cancellationToken);
                if (subscription.Resource != MailboxResource.CallRecords)
                {
                    await sync.ResyncMailboxAsync(subscription.TenantId, subscription.Mailbox, notice.Event, cancellationToken);
                }

                break;
            case "missed" when subscription.Resource != MailboxResource.CallRecords:
                await sync.ResyncMailboxAsync(subscription.TenantId, subscription.Mailbox, notice.Event, cancellationToken);
                break;
            default:
                LogNotHandled(logger, notice.SubscriptionId, notice.Event);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle event {Event} for unknown subscription {SubscriptionId} ignored")]
    private static partial void LogUnknown(ILogger logger, string subscriptionId, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown lifecycle event {Event} for subscription {SubscriptionId} ignored")]
    private static partial void LogNotHandled(ILogger logger, string subscriptionId, string @event);
}
