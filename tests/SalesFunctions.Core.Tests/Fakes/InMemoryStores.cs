using System.Runtime.CompilerServices;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>
/// In-memory stores that keep the port contracts Core relies on (the Azurite-backed ones are tested against the same
/// contracts in SalesFunctions.Storage.Tests): upsert reports a moved day, and a clear fails after a re-mark.
/// </summary>
internal sealed class InMemoryStores : IActivityStore, IDirtyDayStore, IKpiStore, IRollupStatusStore, ITenantDirectoryStore
{
    private readonly Dictionary<(string Tenant, string Id), (Activity Activity, DateOnly Day)> _activities = [];
    private readonly HashSet<(string Tenant, string Id)> _committed = [];
    private readonly Dictionary<(string Tenant, DateOnly Day), int> _dirty = [];
    private readonly Dictionary<(string Tenant, KpiPeriod Period), IReadOnlyList<KpiCell>> _kpis = [];
    private readonly Dictionary<string, CatalogueStamp> _catalogueStamps = [];
    private readonly Dictionary<string, TenantDirectory> _directories = [];
    private int _version;

    public RollupRun? LastRun { get; private set; }

    /// <summary>Runs between ListAsync and the first ClearAsync of a rollup: simulates a concurrent writer.</summary>
    public Action? AfterList { get; set; }

    public Task<ActivityWrite> WriteAsync(Activity activity, DateOnly day, CancellationToken cancellationToken)
    {
        var key = (activity.TenantId, activity.ActivityId);
        var exists = _activities.TryGetValue(key, out var old);
        if (exists && old.Day == day && old.Activity.SameContentAs(activity) && _committed.Contains(key))
        {
            return Task.FromResult(ActivityWrite.Unchanged);
        }

        _committed.Remove(key);
        _activities[key] = (activity, day);
        return Task.FromResult(new ActivityWrite(true, exists && old.Day != day ? old.Day : null));
    }

    public Task CommitAsync(Activity activity, DateOnly day, CancellationToken cancellationToken)
    {
        _committed.Add((activity.TenantId, activity.ActivityId));
        return Task.CompletedTask;
    }

    public Task<DateOnly?> FindDayAsync(string tenantId, string activityId, CancellationToken cancellationToken) =>
        Task.FromResult(_committed.Contains((tenantId, activityId)) ? _activities[(tenantId, activityId)].Day : (DateOnly?)null);

    public async IAsyncEnumerable<Activity> ListByDayAsync(string tenantId, DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entry in _activities.Values.Where(v => v.Activity.TenantId == tenantId && v.Day == day).OrderBy(v => v.Activity.ActivityId, StringComparer.Ordinal))
        {
            yield return entry.Activity;
        }
    }

    public async IAsyncEnumerable<StoredActivity> ListAllAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entry in _activities.Values.Where(v => v.Activity.TenantId == tenantId).OrderBy(v => v.Day).ThenBy(v => v.Activity.ActivityId, StringComparer.Ordinal).ToList())
        {
            yield return new StoredActivity(entry.Day, entry.Activity);
        }
    }

    public async IAsyncEnumerable<StoredActivity> ListBetweenAsync(string tenantId, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stored in ListAllAsync(tenantId, cancellationToken))
        {
            if (stored.Day >= from && stored.Day <= to)
            {
                yield return stored;
            }
        }
    }

    public Task<DateOnly?> FirstDayAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_activities.Values.Where(v => v.Activity.TenantId == tenantId).Select(v => (DateOnly?)v.Day).Min());

    public Task DeleteAsync(string tenantId, string activityId, DateOnly day, CancellationToken cancellationToken)
    {
        _activities.Remove((tenantId, activityId));
        _committed.Remove((tenantId, activityId));
        return Task.CompletedTask;
    }

    public IReadOnlyList<Activity> Activities => _activities.Values.Select(v => v.Activity).ToList();

    public int ActivityCount => _activities.Count;

    public Task MarkAsync(string tenantId, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        foreach (var day in days)
        {
            _dirty[(tenantId, day)] = ++_version;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DirtyDay>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DirtyDay> listed = _dirty.Select(d => new DirtyDay(d.Key.Tenant, d.Key.Day, d.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        AfterList?.Invoke();
        AfterList = null;
        return Task.FromResult(listed);
    }

    public async Task<IReadOnlyList<DirtyDay>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken)).Where(d => d.TenantId == tenantId)];

    public Task<bool> ClearAsync(DirtyDay day, CancellationToken cancellationToken)
    {
        if (!_dirty.TryGetValue((day.TenantId, day.Day), out var version))
        {
            return Task.FromResult(true);
        }

        if (version.ToString(System.Globalization.CultureInfo.InvariantCulture) != day.Version)
        {
            return Task.FromResult(false);
        }

        _dirty.Remove((day.TenantId, day.Day));
        return Task.FromResult(true);
    }

    public IReadOnlyCollection<DateOnly> DirtyDays => _dirty.Keys.Select(k => k.Day).ToList();

    public Task<int> ReplaceAsync(string tenantId, IReadOnlyCollection<KpiPeriod> periods, IReadOnlyList<KpiCell> cells, CancellationToken cancellationToken)
    {
        var byPeriod = cells.ToLookup(c => c.Period);
        foreach (var period in periods)
        {
            _kpis[(tenantId, period)] = [.. byPeriod[period]];
        }

        return Task.FromResult(cells.Count);
    }

    /// <summary>Settable, for a test of what a new store layout does.</summary>
    public int Layout { get; set; } = 1;

    public Task<IReadOnlyList<StoredKpiCell>> GetSeriesAsync(
        string tenantId, KpiDimension dimension, string key, KpiGrain grain, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredKpiCell>>([.. _kpis.Where(k => k.Key.Tenant == tenantId && k.Key.Period.Grain == grain && k.Key.Period.Start >= from && k.Key.Period.Start <= to)
            .OrderBy(k => k.Key.Period.Start).SelectMany(k => k.Value).Where(c => c.Dimension == dimension && c.Key == key).Select(c => new StoredKpiCell(c, KpiCatalogue.Version))]);

    public Task<IReadOnlyList<StoredKpiCell>> GetPeriodAsync(string tenantId, KpiPeriod period, KpiDimension dimension, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredKpiCell>>([.. _kpis.GetValueOrDefault((tenantId, period), []).Where(c => c.Dimension == dimension).Select(c => new StoredKpiCell(c, KpiCatalogue.Version))]);

    /// <summary>Every stored KPI cell with its values, in a stable order, for comparing two runs.</summary>
    public List<(KpiDimension Dimension, string Key, KpiPeriod Period, string Values)> AllKpiCells() =>
        [.. _kpis.OrderBy(k => k.Key.Period.Grain).ThenBy(k => k.Key.Period.Start)
            .SelectMany(k => k.Value.OrderBy(c => c.Dimension).ThenBy(c => c.Key, StringComparer.Ordinal))
            .Select(c => (c.Dimension, c.Key, c.Period, string.Join(";", c.Values.Select(v => $"{v.Key}={v.Value}"))))];

    /// <summary>The stored day cell of one entity of the test tenant; zeros when there is none.</summary>
    public DayKpis DayCell(KpiDimension dimension, string key, DateOnly day) =>
        DayKpis.Of(_kpis.GetValueOrDefault((TestData.Tenant, new KpiPeriod(KpiGrain.Day, day)), []).SingleOrDefault(c => c.Dimension == dimension && c.Key == key)?.Values);

    /// <summary>Every stored day cell, by day, dimension and key.</summary>
    public List<DayRow> AllKpiRows() =>
        [.. _kpis.Where(k => k.Key.Period.Grain == KpiGrain.Day).OrderBy(k => k.Key.Period.Start)
            .SelectMany(k => k.Value.OrderBy(c => c.Dimension).ThenBy(c => c.Key, StringComparer.Ordinal))
            .Select(c => new DayRow(c.Dimension, c.Key, c.Period.Start, DayKpis.Of(c.Values)))];

    public Task<IReadOnlyDictionary<string, CatalogueStamp>> GetCatalogueStampsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, CatalogueStamp>>(new Dictionary<string, CatalogueStamp>(_catalogueStamps));

    public Task SaveCatalogueStampAsync(string tenantId, CatalogueStamp stamp, CancellationToken cancellationToken)
    {
        _catalogueStamps[tenantId] = stamp;
        return Task.CompletedTask;
    }

    public Task SaveAsync(RollupRun run, CancellationToken cancellationToken)
    {
        LastRun = run;
        return Task.CompletedTask;
    }

    public Task<RollupRun?> GetLastAsync(CancellationToken cancellationToken) => Task.FromResult(LastRun);

    public List<RollupFailure> RollupFailures { get; } = [];

    public Task SaveFailureAsync(RollupFailure failure, CancellationToken cancellationToken)
    {
        RollupFailures.RemoveAll(f => f.TenantId == failure.TenantId && f.Input == failure.Input);
        RollupFailures.Add(failure);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RollupFailure>> ListFailuresAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RollupFailure>>([.. RollupFailures]);

    public Task DeleteFailureAsync(string tenantId, string input, CancellationToken cancellationToken)
    {
        RollupFailures.RemoveAll(f => f.TenantId == tenantId && f.Input == input);
        return Task.CompletedTask;
    }

    public Task ClearFailuresAsync(string tenantId, CancellationToken cancellationToken)
    {
        RollupFailures.RemoveAll(f => f.TenantId == tenantId);
        return Task.CompletedTask;
    }

    public Task<TenantDirectory?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_directories.GetValueOrDefault(tenantId));

    public Task SaveAsync(TenantDirectory directory, CancellationToken cancellationToken)
    {
        _directories[directory.TenantId] = directory;
        return Task.CompletedTask;
    }
}
