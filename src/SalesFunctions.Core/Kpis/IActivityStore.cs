using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Kpis;

/// <summary>Stored activities, partitioned by tenant and the tenant-local day they happened on.</summary>
public interface IActivityStore
{
    /// <summary>
    /// Inserts or replaces the activity under <paramref name="day"/>. When it was stored under another day before (a
    /// rescheduled meeting), the old copy is removed and that day is returned so its KPIs can be recomputed too.
    /// </summary>
    Task<DateOnly?> UpsertAsync(Activity activity, DateOnly day, CancellationToken cancellationToken);

    IAsyncEnumerable<Activity> ListByDayAsync(string tenantId, DateOnly day, CancellationToken cancellationToken);
}
