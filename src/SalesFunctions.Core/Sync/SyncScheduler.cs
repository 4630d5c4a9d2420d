using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Core.Sync;

/// <summary>Queues delta syncs: for every subscribed mailbox on the sweep timer, or for one mailbox after a gap.</summary>
public sealed partial class SyncScheduler(ISubscriptionStore subscriptions, IQueuePublisher queue, ILogger<SyncScheduler> logger)
{
    /// <summary>The safety net: notifications can be lost, delayed past 4 hours, or dropped while the endpoint is slow.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // A call-records subscription watches the tenant, not a mailbox: it has nothing to walk (the PSTN sweep is its net).
        var mailboxes = (await subscriptions.ListAllAsync(cancellationToken)).Where(s => s.Resource != MailboxResource.CallRecords)
            .Select(s => (s.TenantId, s.Mailbox)).Distinct().ToList();
        foreach (var (tenantId, mailbox) in mailboxes)
        {
            await ResyncMailboxAsync(tenantId, mailbox, "sweep", cancellationToken);
        }

        LogSweep(logger, mailboxes.Count);
        return mailboxes.Count;
    }

    public Task ResyncMailboxAsync(string tenantId, string mailbox, string reason, CancellationToken cancellationToken) =>
        queue.SendBatchAsync(QueueNames.Sync, SyncFolders.All.Select(f => new SyncRequest(tenantId, mailbox, f, reason)).ToList(), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delta sweep queued {Mailboxes} mailboxes")]
    private static partial void LogSweep(ILogger logger, int mailboxes);
}
