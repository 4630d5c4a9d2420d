using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>
/// Starts capture for a mailbox: one subscription for its messages and one for its events, each with its own secret,
/// then the mailbox's other addresses from Graph (so that mail on an alias counts for its rep), then the initial delta
/// sync of every folder (history back to Sync:HistoryDays), which also sets the cursors.
/// </summary>
public sealed partial class MailboxOnboarding(
    ISubscriptionClient client,
    ISubscriptionStore store,
    SubscriptionLookup lookup,
    SyncScheduler sync,
    IMailboxUserReader users,
    TenantDirectoryService directories,
    IOptions<SubscriptionOptions> options,
    TimeProvider time,
    ILogger<MailboxOnboarding> logger)
{
    public async Task<IReadOnlyList<SubscriptionRecord>> AddMailboxAsync(string tenantId, string mailbox, CancellationToken cancellationToken)
    {
        var created = new List<SubscriptionRecord>();
        foreach (var resource in new[] { MailboxResource.Messages, MailboxResource.Events })
        {
            created.Add(await CreateAsync(tenantId, mailbox, resource, cancellationToken));
        }

        // Before the initial sync, so that its history is credited on every address of the mailbox.
        if (await users.ReadAsync(tenantId, mailbox, cancellationToken) is { } user)
        {
            var (added, skipped) = await directories.AddMailboxUserAsync(tenantId, mailbox, user, cancellationToken);
            LogAddresses(logger, added, skipped);
        }

        // After the subscriptions: whatever arrives between the initial sync's snapshot and its end is notified.
        await sync.ResyncMailboxAsync(tenantId, mailbox, "onboarding", cancellationToken);
        return created;
    }

    /// <summary>
    /// Creates one subscription. On Graph's 409 an existing subscription of ours (we hold its clientState hash) is
    /// adopted and renewed; one we have no record of cannot be authenticated, so it is replaced.
    /// </summary>
    public async Task<SubscriptionRecord> CreateAsync(string tenantId, string mailbox, MailboxResource resource, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var expiresAt = time.GetUtcNow().AddMinutes(settings.LifetimeMinutes);
        var clientState = ClientStates.NewSecret();
        // Call records take created or updated only; updated also notifies the revisions Graph makes after the call.
        var changeType = resource == MailboxResource.CallRecords ? "updated" : settings.ChangeType;
        var request = new SubscriptionRequest(ResourcePath(mailbox, resource), changeType, settings.NotificationUrl!,
            settings.LifecycleNotificationUrl, expiresAt, clientState);
        CreatedSubscription subscription;
        try
        {
            subscription = await client.CreateAsync(tenantId, request, cancellationToken);
        }
        catch (SubscriptionConflictException conflict) when (conflict.ExistingSubscriptionId is { } existingId)
        {
            if (await store.FindAsync(tenantId, existingId, cancellationToken) is { } ours
                && await client.RenewAsync(tenantId, existingId, expiresAt, cancellationToken) is { } renewed)
            {
                var adopted = ours with { ExpiresAt = renewed.ExpiresAt };
                await store.SaveAsync(adopted, cancellationToken);
                lookup.Forget(tenantId, existingId);
                LogAdopted(logger, existingId, resource);
                return adopted;
            }

            await client.DeleteAsync(tenantId, existingId, cancellationToken);
            subscription = await client.CreateAsync(tenantId, request, cancellationToken);
        }

        var record = new SubscriptionRecord(tenantId, subscription.Id, mailbox, resource, ClientStates.Hash(clientState), subscription.ExpiresAt);
        await store.SaveAsync(record, cancellationToken);
        lookup.Forget(tenantId, subscription.Id);
        LogCreated(logger, subscription.Id, resource, subscription.ExpiresAt);
        return record;
    }

    public static string ResourcePath(string mailbox, MailboxResource resource) => resource switch
    {
        MailboxResource.CallRecords => "communications/callRecords",
        MailboxResource.Messages => $"users/{mailbox}/messages",
        _ => $"users/{mailbox}/events",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created subscription {SubscriptionId} for {Resource}, expiring {ExpiresAt}")]
    private static partial void LogCreated(ILogger logger, string subscriptionId, MailboxResource resource, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox user read: {Added} other addresses added to its rep, {Skipped} skipped (outside the internal domains or another rep's)")]
    private static partial void LogAddresses(ILogger logger, int added, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adopted existing subscription {SubscriptionId} for {Resource}")]
    private static partial void LogAdopted(ILogger logger, string subscriptionId, MailboxResource resource);
}
