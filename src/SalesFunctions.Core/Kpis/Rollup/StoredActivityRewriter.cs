using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// Applies a change to a tenant's stored activities from a tenant-local day on (re-territory, re-match), rewriting only
/// those it changes, through the score step's write / mark dirty / commit order (ADR 0008): a crash part way is
/// repaired by running again, and the rollup recomputes exactly the days that changed.
/// </summary>
public sealed class StoredActivityRewriter(IActivityStore activities, DirtyDays dirtyDays)
{
    public async Task<RewriteReport> RewriteAsync(string tenantId, DateOnly from, Func<Activity, Activity> change, CancellationToken cancellationToken)
    {
        var (examined, rewritten) = (0, 0);
        var days = new SortedSet<DateOnly>();
        await foreach (var stored in activities.ListAllAsync(tenantId, cancellationToken))
        {
            if (stored.Day < from)
            {
                continue;
            }

            examined++;
            var changed = change(stored.Activity);
            if (changed.SameContentAs(stored.Activity))
            {
                continue;
            }

            var write = await activities.WriteAsync(changed, stored.Day, cancellationToken);
            if (write.Changed)
            {
                await dirtyDays.MarkAsync(tenantId, [stored.Day], cancellationToken);
                await activities.CommitAsync(changed, stored.Day, cancellationToken);
                rewritten++;
                days.Add(stored.Day);
            }
        }

        return new RewriteReport(examined, rewritten, days.Count);
    }
}
