namespace SalesFunctions.Core.Kpis;

public interface IKpiStore
{
    /// <summary>
    /// Makes <paramref name="rows"/> the complete set of KPI rows of the tenant's day: entities that had a row for the
    /// day but are not in <paramref name="rows"/> lose it.
    /// </summary>
    Task ReplaceDayAsync(string tenantId, DateOnly day, IReadOnlyList<KpiRow> rows, CancellationToken cancellationToken);

    /// <summary>Stored rows of one entity in [from, to]; days without a row are absent.</summary>
    Task<IReadOnlyList<KpiRow>> GetSeriesAsync(string tenantId, KpiDimension dimension, string key, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
