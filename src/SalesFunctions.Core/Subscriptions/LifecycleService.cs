using Microsoft.Extensions.Logging;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>The "lifecycle" queue step: acts on Graph's lifecycle events after the endpoint has answered 202.</summary>
public sealed partial class LifecycleService(ISubscriptionStore store, SubscriptionMaintenance maintenance, ILogger<LifecycleService> logger)
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
                await maintenance.RecreateAsync(subscription, cancellationToken);
                break;
            default:
                // "missed" needs a delta resync of the mailbox, which the delta sweep (issue #3, next) performs.
                LogNotHandled(logger, notice.SubscriptionId, notice.Event);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle event {Event} for unknown subscription {SubscriptionId} ignored")]
    private static partial void LogUnknown(ILogger logger, string subscriptionId, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lifecycle event {Event} for subscription {SubscriptionId} needs a mailbox resync")]
    private static partial void LogNotHandled(ILogger logger, string subscriptionId, string @event);
}
