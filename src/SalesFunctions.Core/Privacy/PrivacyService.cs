using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Privacy;

/// <summary>
/// Sets a tenant's privacy policy. A dry run judges stored history by a candidate policy without changing anything;
/// applying saves the policy first (so new items follow it at once) and then purges what it now excludes from stored
/// activities, marking their days dirty so that the next rollup removes them from the KPIs too.
/// </summary>
public sealed partial class PrivacyService(
    ITenantDirectoryStore directories,
    TenantDirectoryCache cache,
    IActivityStore activities,
    DirtyDays dirtyDays,
    ILogger<PrivacyService> logger)
{
    private const int SampleSize = 20;

    public async Task<PolicyReport> DryRunAsync(string tenantId, PrivacyPolicy policy, CancellationToken cancellationToken)
    {
        _ = await directories.GetAsync(tenantId, cancellationToken) ?? throw new TenantNotConfiguredException(tenantId);
        var plan = await PlanAsync(tenantId, policy, cancellationToken);
        return plan.Report(applied: false);
    }

    public async Task<PolicyReport> ApplyAsync(string tenantId, PrivacyPolicy policy, CancellationToken cancellationToken)
    {
        var directory = await directories.GetAsync(tenantId, cancellationToken) ?? throw new TenantNotConfiguredException(tenantId);
        await directories.SaveAsync(directory with { Privacy = policy }, cancellationToken);
        cache.Invalidate(tenantId);

        var plan = await PlanAsync(tenantId, policy, cancellationToken);
        var days = plan.Days.ToList();

        // Marked before and after the changes: before, so that a crash midway still leaves the days to recompute (a
        // rerun finds nothing left to change); after, so that a rollup that ran in between recomputes without them.
        await dirtyDays.MarkAsync(tenantId, days, cancellationToken);
        foreach (var change in plan.Changes)
        {
            if (change.Replacement is { } replacement)
            {
                var write = await activities.WriteAsync(replacement, change.Day, cancellationToken);
                if (write.Changed)
                {
                    await activities.CommitAsync(replacement, change.Day, cancellationToken);
                }
            }
            else
            {
                await activities.DeleteAsync(tenantId, change.ActivityId, change.Day, cancellationToken);
            }
        }

        await dirtyDays.MarkAsync(tenantId, days, cancellationToken);
        var report = plan.Report(applied: true);
        LogApplied(logger, report.ExcludedTotal, report.Rewritten, days.Count);
        return report;
    }

    private async Task<Plan> PlanAsync(string tenantId, PrivacyPolicy policy, CancellationToken cancellationToken)
    {
        var plan = new Plan();
        await foreach (var stored in activities.ListAllAsync(tenantId, cancellationToken))
        {
            plan.Scanned++;
            var judged = PrivacyFilter.Apply(policy, stored.Activity);
            if (judged.Activity is null)
            {
                plan.Excluded[judged.Outcome] = plan.Excluded.GetValueOrDefault(judged.Outcome) + 1;
                plan.Add(new Change(stored.Day, stored.Activity.ActivityId, Replacement: null));
            }
            else if (!judged.Activity.SameContentAs(stored.Activity))
            {
                plan.Rewritten++;
                plan.Add(new Change(stored.Day, stored.Activity.ActivityId, judged.Activity));
            }
        }

        return plan;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Privacy policy applied: {Excluded} activities purged, {Rewritten} rewritten, {Days} days to recompute")]
    private static partial void LogApplied(ILogger logger, int excluded, int rewritten, int days);

    private sealed record Change(DateOnly Day, string ActivityId, Activity? Replacement);

    private sealed class Plan
    {
        public int Scanned { get; set; }

        public int Rewritten { get; set; }

        public Dictionary<CaptureOutcome, int> Excluded { get; } = [];

        public List<Change> Changes { get; } = [];

        public SortedSet<DateOnly> Days { get; } = [];

        public void Add(Change change)
        {
            Changes.Add(change);
            Days.Add(change.Day);
        }

        public PolicyReport Report(bool applied) => new(
            applied, Scanned, Excluded, Rewritten, Days.ToList(), Changes.Take(SampleSize).Select(c => c.ActivityId).ToList());
    }
}
