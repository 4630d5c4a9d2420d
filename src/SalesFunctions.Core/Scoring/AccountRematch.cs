using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Core.Scoring;

/// <summary>
/// Runs the matching ladder again over stored activities after the directory changed (a domain mapped, a contact
/// added, in an import or in a CRM). Only activities whose accounts change are rewritten; they are stamped with the
/// territories their new accounts had when the activity happened, since the old stamp described other accounts.
/// </summary>
public sealed class AccountRematch(TenantDirectoryCache directories, TerritoryModels models, StoredActivityRewriter rewriter, IRematchWatermarks watermarks, TimeProvider time)
{
    /// <summary>
    /// Instances' clocks differ by a little: a run counts as covering a request only when it started this much later,
    /// so that a change saved just before a run began on a clock running ahead is never skipped.
    /// </summary>
    public static readonly TimeSpan ClockAllowance = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The queue step. A CRM sync queues one message per changed account or contact, each after its record was saved;
    /// the first whole-history run after the burst read every record saved before it started, so the other messages
    /// find that and return at once.
    /// </summary>
    public async Task<RewriteReport> RunAsync(RematchMessage message, CancellationToken cancellationToken)
    {
        if (message.RequestedAt is { } requestedAt && message.From == DateOnly.MinValue
            && await watermarks.GetAsync(message.TenantId, cancellationToken) is { } covered && covered > requestedAt + ClockAllowance)
        {
            return new RewriteReport(0, 0, 0);
        }

        return await RunAsync(message.TenantId, message.From, cancellationToken);
    }

    public async Task<RewriteReport> RunAsync(string tenantId, DateOnly from, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        directories.Invalidate(tenantId);
        var directory = await directories.GetAsync(tenantId, cancellationToken);
        var history = await models.GetHistoryAsync(tenantId, cancellationToken);
        var report = await rewriter.RewriteAsync(tenantId, from, activity =>
        {
            var matched = ScoringService.MatchAccounts(directory, activity);
            return matched.Participants.SequenceEqual(activity.Participants) ? activity : TerritoryStamping.Stamp(directory, history, matched);
        }, cancellationToken);
        if (from == DateOnly.MinValue)
        {
            await watermarks.AdvanceAsync(tenantId, startedAt, cancellationToken);
        }

        return report;
    }
}
