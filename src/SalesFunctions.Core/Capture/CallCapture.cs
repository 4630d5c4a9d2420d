using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// Teams call capture of a tenant (docs/calls.md): one subscription to /communications/callRecords, renewed and recreated
/// like the mailbox ones; and the PSTN sweep, which reads the PSTN log of the last <see cref="CallOptions.PstnLookbackHours"/>
/// for every tenant with call capture and sends each call to scoring. The sweep overlaps itself on purpose: a row seen
/// twice is the same activity id with the same content, which scoring recognises and skips.
/// </summary>
public sealed partial class CallCapture(
    MailboxOnboarding onboarding,
    ISubscriptionStore subscriptions,
    ICallRecordReader calls,
    TenantDirectoryCache directories,
    IQueuePublisher queue,
    IOptions<CallOptions> options,
    TimeProvider time,
    ILogger<CallCapture> logger)
{
    /// <summary>The mailbox field of a call-record subscription: it watches the tenant, not a mailbox.</summary>
    public const string Scope = "communications";

    /// <summary>Starts Teams call capture: the subscription (an existing one of ours is adopted, see <see cref="MailboxOnboarding.CreateAsync"/>).</summary>
    public async Task<SubscriptionRecord> StartAsync(string tenantId, CancellationToken cancellationToken)
    {
        await directories.GetAsync(tenantId, cancellationToken);
        if ((await subscriptions.ListAsync(tenantId, cancellationToken)).FirstOrDefault(s => s.Resource == MailboxResource.CallRecords) is { } existing)
        {
            return existing;
        }

        return await onboarding.CreateAsync(tenantId, Scope, MailboxResource.CallRecords, cancellationToken);
    }

    /// <returns>How many PSTN calls were sent to scoring.</returns>
    public async Task<int> SweepPstnAsync(CancellationToken cancellationToken)
    {
        var tenants = (await subscriptions.ListAllAsync(cancellationToken)).Where(s => s.Resource == MailboxResource.CallRecords)
            .Select(s => s.TenantId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var to = time.GetUtcNow();
        var from = to.AddHours(-options.Value.PstnLookbackHours);
        var sent = 0;
        foreach (var tenantId in tenants)
        {
            var directory = await directories.GetAsync(tenantId, cancellationToken);
            int rows = 0, queued = 0;
            await foreach (var row in calls.GetPstnCallsAsync(tenantId, from, to, cancellationToken))
            {
                var normalised = CallNormaliser.FromPstnRow(directory, row);
                rows++;
                if (normalised.Activity is { } activity)
                {
                    await queue.SendAsync(QueueNames.Score, activity, cancellationToken);
                    queued++;
                }
            }

            sent += queued;
            LogSwept(logger, tenantId, queued, rows);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PSTN sweep of tenant {TenantId}: {Queued} of {Rows} rows queued for scoring")]
    private static partial void LogSwept(ILogger logger, string tenantId, int queued, int rows);
}
