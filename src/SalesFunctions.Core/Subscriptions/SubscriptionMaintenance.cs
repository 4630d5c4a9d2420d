using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>
/// Keeps subscriptions alive: renews them well before they expire (a lapsed subscription silently stops capture),
/// and recreates those Graph no longer has.
/// </summary>
public sealed partial class SubscriptionMaintenance(
    ISubscriptionClient client,
    ISubscriptionStore store,
    SubscriptionLookup lookup,
    MailboxOnboarding onboarding,
    IOptions<SubscriptionOptions> options,
    TimeProvider time,
    ILogger<SubscriptionMaintenance> logger)
{
    /// <summary>The renewal timer: every subscription with less than RenewWhenMinutesLeft left.</summary>
    public async Task<RenewalRun> RenewDueAsync(CancellationToken cancellationToken)
    {
        var threshold = time.GetUtcNow().AddMinutes(options.Value.RenewWhenMinutesLeft);
        int renewed = 0, recreated = 0;
        foreach (var subscription in await store.ListAllAsync(cancellationToken))
        {
            if (subscription.ExpiresAt > threshold)
            {
                continue;
            }

            var result = await RenewOrRecreateAsync(subscription, cancellationToken);
            if (result.SubscriptionId == subscription.SubscriptionId)
            {
                renewed++;
            }
            else
            {
                recreated++;
            }
        }

        LogRun(logger, renewed, recreated);
        return new RenewalRun(renewed, recreated);
    }

    /// <summary>Extends the subscription (which also reauthorizes it); when Graph answers 404 it is recreated.</summary>
    public async Task<SubscriptionRecord> RenewOrRecreateAsync(SubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        var expiresAt = time.GetUtcNow().AddMinutes(options.Value.LifetimeMinutes);
        if (await client.RenewAsync(subscription.TenantId, subscription.SubscriptionId, expiresAt, cancellationToken) is { } renewed)
        {
            var updated = subscription with { ExpiresAt = renewed.ExpiresAt };
            await store.SaveAsync(updated, cancellationToken);
            lookup.Forget(subscription.TenantId, subscription.SubscriptionId);
            return updated;
        }

        LogGone(logger, subscription.SubscriptionId);
        return await RecreateAsync(subscription, cancellationToken);
    }

    /// <summary>
    /// Replaces a subscription with a new one (new id, new secret). Lifecycle notifications cannot be added by PATCH and
    /// a removed subscription cannot be revived, so recreation is the one remedy for both.
    /// </summary>
    public async Task<SubscriptionRecord> RecreateAsync(SubscriptionRecord subscription, CancellationToken cancellationToken)
    {
        await client.DeleteAsync(subscription.TenantId, subscription.SubscriptionId, cancellationToken);
        var replacement = await onboarding.CreateAsync(subscription.TenantId, subscription.Mailbox, subscription.Resource, cancellationToken);
        await store.DeleteAsync(subscription.TenantId, subscription.SubscriptionId, cancellationToken);
        lookup.Forget(subscription.TenantId, subscription.SubscriptionId);
        return replacement;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription renewal: {Renewed} renewed, {Recreated} recreated")]
    private static partial void LogRun(ILogger logger, int renewed, int recreated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} is gone at Graph; recreating it")]
    private static partial void LogGone(ILogger logger, string subscriptionId);
}
