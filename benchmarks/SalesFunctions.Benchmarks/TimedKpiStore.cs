using System.Diagnostics;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// The KPI store with a clock around <see cref="ReplaceAsync"/>: how much of a rollup goes to writing cells, measured
/// from outside, so that the service under measurement stays the one that ships.
/// </summary>
internal sealed class TimedKpiStore(IKpiStore inner) : IKpiStore
{
    private long _ticks;

    public int Layout => inner.Layout;

    /// <summary>Time spent in <see cref="ReplaceAsync"/> so far: its reads of the periods' previous cells, then the writes.</summary>
    public TimeSpan Replacing => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public async Task<int> ReplaceAsync(string tenantId, IReadOnlyCollection<KpiPeriod> periods, IReadOnlyList<KpiCell> cells, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.ReplaceAsync(tenantId, periods, cells, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(start).Ticks);
        }
    }

    public Task<IReadOnlyList<StoredKpiCell>> GetSeriesAsync(
        string tenantId, KpiDimension dimension, string key, KpiGrain grain, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        inner.GetSeriesAsync(tenantId, dimension, key, grain, from, to, cancellationToken);

    public Task<IReadOnlyList<StoredKpiCell>> GetPeriodAsync(string tenantId, KpiPeriod period, KpiDimension dimension, CancellationToken cancellationToken) =>
        inner.GetPeriodAsync(tenantId, period, dimension, cancellationToken);
}
