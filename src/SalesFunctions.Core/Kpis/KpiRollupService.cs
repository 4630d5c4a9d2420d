using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis;

/// <summary>
/// The timer step: recompute every dirty tenant day from the stored activities and CRM records and replace its KPI
/// rows. Never increments, so a replayed message, a late activity or a rerun cannot double count.
/// </summary>
public sealed partial class KpiRollupService(
    IDirtyDayStore dirtyDays,
    IActivityStore activities,
    IKpiStore kpis,
    ITenantDirectoryStore directories,
    IRollupStatusStore status,
    PerformanceFacts performanceFacts,
    IOptionsMonitor<CrmOptions> crmOptions,
    SalesFunctionsMetrics metrics,
    TimeProvider time,
    ILogger<KpiRollupService> logger)
{
    public async Task<RollupRun> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var dirty = await dirtyDays.ListAsync(cancellationToken);
        int rows = 0, stillDirty = 0;
        foreach (var tenantDays in dirty.GroupBy(d => d.TenantId, StringComparer.Ordinal))
        {
            // Read fresh, not cached: a directory import must show in the next rollup everywhere.
            var directory = await directories.GetAsync(tenantDays.Key, cancellationToken)
                ?? throw new TenantNotConfiguredException(tenantDays.Key);

            // One scan of the tenant's deals and cases serves every dirty day of this run.
            var performance = await performanceFacts.LoadAsync(directory, crmOptions.CurrentValue, cancellationToken);
            foreach (var day in tenantDays)
            {
                rows += await RecomputeAsync(directory, day.Day, performance[day.Day].ToList(), cancellationToken);
                if (!await dirtyDays.ClearAsync(day, cancellationToken))
                {
                    // Marked again while we computed: the next run picks it up with the newer activities.
                    stillDirty++;
                }
            }
        }

        var run = new RollupRun(startedAt, time.GetUtcNow(), dirty.Count, rows, stillDirty);
        await status.SaveAsync(run, cancellationToken);
        metrics.DaysRolledUp.Add(dirty.Count);
        LogRun(logger, dirty.Count, rows, stillDirty, (run.CompletedAt - run.StartedAt).TotalMilliseconds);
        return run;
    }

    /// <summary>Rebuilds one day from scratch; also what a backfill or a rule change calls.</summary>
    public async Task<int> RecomputeAsync(TenantDirectory directory, DateOnly day, CancellationToken cancellationToken)
    {
        var performance = await performanceFacts.LoadAsync(directory, crmOptions.CurrentValue, cancellationToken);
        return await RecomputeAsync(directory, day, performance[day].ToList(), cancellationToken);
    }

    private async Task<int> RecomputeAsync(TenantDirectory directory, DateOnly day, IReadOnlyList<PerformanceCredit> performance, CancellationToken cancellationToken)
    {
        var dayActivities = await activities.ListByDayAsync(directory.TenantId, day, cancellationToken).ToListAsync(cancellationToken);
        var dayRows = KpiCalculator.ForDay(directory, day, dayActivities, performance);
        await kpis.ReplaceDayAsync(directory.TenantId, day, dayRows, cancellationToken);
        return dayRows.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KPI rollup: {Days} dirty days, {Rows} rows written, {StillDirty} re-marked during the run, {ElapsedMs} ms")]
    private static partial void LogRun(ILogger logger, int days, int rows, int stillDirty, double elapsedMs);
}
