using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Kpis;

/// <summary>
/// Stored activities, partitioned by tenant and the tenant-local day they happened on, with an index from activity
/// id to its day and content. Writing is two steps so that a crash never leaves a change without a dirty day:
/// <see cref="WriteAsync"/>, then the caller marks the days dirty, then <see cref="CommitAsync"/>.
/// </summary>
public interface IActivityStore
{
    /// <summary>
    /// Stores the activity under <paramref name="day"/> unless the index says this very content is already there (the
    /// same email seen from a second mailbox). When it was stored under another day before (a rescheduled meeting),
    /// the old copy is removed and that day is reported so its KPIs can be recomputed too.
    /// </summary>
    Task<ActivityWrite> WriteAsync(Activity activity, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Records the written content and day in the index; until then a redelivery writes again.</summary>
    Task CommitAsync(Activity activity, DateOnly day, CancellationToken cancellationToken);

    /// <summary>The day an activity is stored under (from the index), or null when it is not stored.</summary>
    Task<DateOnly?> FindDayAsync(string tenantId, string activityId, CancellationToken cancellationToken);

    IAsyncEnumerable<Activity> ListByDayAsync(string tenantId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Stored activities of the tenant-local days from <paramref name="from"/> to <paramref name="to"/>, inclusive, day by day.</summary>
    IAsyncEnumerable<StoredActivity> ListBetweenAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The earliest day with a stored activity, or null when the tenant has none; where a full recompute starts.</summary>
    Task<DateOnly?> FirstDayAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every stored activity of a tenant, day by day; for policy dry runs and purges.</summary>
    IAsyncEnumerable<StoredActivity> ListAllAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Removes the activity and its index entry; absent rows are not an error.</summary>
    Task DeleteAsync(string tenantId, string activityId, DateOnly day, CancellationToken cancellationToken);
}
