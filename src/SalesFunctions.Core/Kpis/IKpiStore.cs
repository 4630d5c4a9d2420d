using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Core.Kpis;

/// <summary>KPI cells, stored for the two ways they are read: one entity's time series, and one period's entities.</summary>
public interface IKpiStore
{
    /// <summary>
    /// The version of the store's table layout. A tenant whose cells were written in another layout is rebuilt, into
    /// this one, by the next rollup (<see cref="CatalogueStamp"/>).
    /// </summary>
    int Layout { get; }

    /// <summary>
    /// Makes <paramref name="cells"/> the complete set of the tenant's cells for each of <paramref name="periods"/>: an
    /// entity that had a cell for one of them but has none in <paramref name="cells"/> loses it. A cell already stored with
    /// the same values is left as it is. Returns the cells written: new or changed.
    /// </summary>
    Task<int> ReplaceAsync(string tenantId, IReadOnlyCollection<KpiPeriod> periods, IReadOnlyList<KpiCell> cells, CancellationToken cancellationToken);

    /// <summary>One entity's stored cells of a grain whose periods start between the two days, inclusive, in period order.</summary>
    Task<IReadOnlyList<StoredKpiCell>> GetSeriesAsync(
        string tenantId, KpiDimension dimension, string key, KpiGrain grain, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>The stored cells of every entity of a dimension for one period: a leaderboard's rows.</summary>
    Task<IReadOnlyList<StoredKpiCell>> GetPeriodAsync(string tenantId, KpiPeriod period, KpiDimension dimension, CancellationToken cancellationToken);
}
