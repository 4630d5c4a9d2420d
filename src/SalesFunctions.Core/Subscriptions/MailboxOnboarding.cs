using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>Starts capture for a mailbox: one subscription for its messages and one for its events, each with its own secret.</summary>
public sealed partial class MailboxOnboarding(
    ISubscriptionClient client,
    ISubscriptionStore store,
    IOptions<SubscriptionOptions> options,
    TimeProvider time,
    ILogger<MailboxOnboarding> logger)
{
    public async Task<IReadOnlyList<SubscriptionRecord>> AddMailboxAsync(string tenantId, string mailbox, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var created = new List<SubscriptionRecord>();
        foreach (var resource in Enum.GetValues<MailboxResource>())
        {
            var clientState = ClientStates.NewSecret();
            var request = new SubscriptionRequest(
                ResourcePath(mailbox, resource),
                settings.ChangeType,
                settings.NotificationUrl!,
                settings.LifecycleNotificationUrl,
                time.GetUtcNow().AddMinutes(settings.LifetimeMinutes),
                clientState);
            var subscription = await client.CreateAsync(tenantId, request, cancellationToken);
            var record = new SubscriptionRecord(tenantId, subscription.Id, mailbox, resource, ClientStates.Hash(clientState), subscription.ExpiresAt);
            await store.SaveAsync(record, cancellationToken);
            created.Add(record);
            LogCreated(logger, subscription.Id, resource, subscription.ExpiresAt);
        }

        return created;
    }

    public static string ResourcePath(string mailbox, MailboxResource resource) =>
        $"users/{mailbox}/{(resource == MailboxResource.Messages ? "messages" : "events")}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Created subscription {SubscriptionId} for {Resource}, expiring {ExpiresAt}")]
    private static partial void LogCreated(ILogger logger, string subscriptionId, MailboxResource resource, DateTimeOffset expiresAt);
}
