using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// The explicit "re-territory from day X" command: stored activities from that tenant-local day on are stamped again
/// with the models now stored, and the days whose stamps changed are marked dirty so the rollup recomputes their KPIs.
/// Only this command rewrites history; uploading a model version does not.
/// </summary>
public sealed class TerritoryReassignment(TenantDirectoryCache directories, TerritoryModels models, IActivityStore activities, IDirtyDayStore dirtyDays)
{
    public async Task<TerritoryReassignmentReport> RunAsync(string tenantId, DateOnly from, CancellationToken cancellationToken)
    {
        // An admin command reads what was just uploaded, not what a cache held.
        directories.Invalidate(tenantId);
        models.Invalidate(tenantId);
        var directory = await directories.GetAsync(tenantId, cancellationToken);
        var history = await models.GetHistoryAsync(tenantId, cancellationToken);

        var (examined, restamped) = (0, 0);
        var days = new SortedSet<DateOnly>();
        await foreach (var stored in activities.ListAllAsync(tenantId, cancellationToken))
        {
            if (stored.Day < from)
            {
                continue;
            }

            examined++;
            var stamped = TerritoryStamping.Stamp(directory, history, stored.Activity);
            if (stamped.SameContentAs(stored.Activity))
            {
                continue;
            }

            // The scoring step's order: write, mark the day, then commit; a crash in between is repaired by running again.
            var write = await activities.WriteAsync(stamped, stored.Day, cancellationToken);
            if (write.Changed)
            {
                await dirtyDays.MarkAsync(tenantId, [stored.Day], cancellationToken);
                await activities.CommitAsync(stamped, stored.Day, cancellationToken);
                restamped++;
                days.Add(stored.Day);
            }
        }

        return new TerritoryReassignmentReport(examined, restamped, days.Count);
    }
}
