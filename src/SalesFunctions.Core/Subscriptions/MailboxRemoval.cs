using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Sync;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>
/// Stops capture for a mailbox at run time: deletes its subscriptions at Graph and here (so its notifications no longer
/// authenticate and the sweep no longer visits it) and forgets its delta cursors. Activities already captured stay;
/// a privacy purge is the tool for removing data.
/// </summary>
public sealed partial class MailboxRemoval(
    ISubscriptionClient client,
    ISubscriptionStore subscriptions,
    SubscriptionLookup lookup,
    ISyncStateStore syncStates,
    ILogger<MailboxRemoval> logger)
{
    /// <returns>The number of subscriptions deleted; 0 when the mailbox was not tracked.</returns>
    public async Task<int> RemoveMailboxAsync(string tenantId, string mailbox, CancellationToken cancellationToken)
    {
        var ours = (await subscriptions.ListAsync(tenantId, cancellationToken))
            .Where(s => string.Equals(s.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var subscription in ours)
        {
            // Graph first: if this fails the record stays and a retry finds it again.
            await client.DeleteAsync(tenantId, subscription.SubscriptionId, cancellationToken);
            await subscriptions.DeleteAsync(tenantId, subscription.SubscriptionId, cancellationToken);
            lookup.Forget(tenantId, subscription.SubscriptionId);
        }

        foreach (var state in (await syncStates.ListAsync(tenantId, cancellationToken))
            .Where(s => string.Equals(s.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase)))
        {
            await syncStates.DeleteAsync(state, cancellationToken);
        }

        LogRemoved(logger, ours.Count);
        return ours.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox removed from capture: {Subscriptions} subscriptions deleted")]
    private static partial void LogRemoved(ILogger logger, int subscriptions);
}
