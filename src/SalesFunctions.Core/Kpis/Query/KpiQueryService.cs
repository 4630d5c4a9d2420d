using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Query;

/// <summary>
/// The KPI views of the API, read from stored cells: a series per entity, a leaderboard per period, period over period,
/// and every entity of a dimension in one period (activity next to performance).
/// </summary>
public sealed class KpiQueryService(IKpiStore kpis)
{
    /// <summary>The most periods one request reads: a year of days.</summary>
    public const int MaxPeriods = 366;

    public const int MaxLeaderboardSize = 100;

    /// <summary>
    /// A tenant without reps or accounts, for the values of periods without a stored cell: the reader shows a period
    /// without facts as the catalogue computes one (EmptyPeriods), with targets left out as for any entity without a cell.
    /// </summary>
    private static readonly TenantDirectory Nobody = new("empty", [], "UTC", [], [], []);

    public async Task<KpiSeries> GetSeriesAsync(
        string tenantId, KpiDimension dimension, string key, KpiGrain grain, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var periods = Periods(grain, from, to);
        var stored = (await kpis.GetSeriesAsync(tenantId, dimension, key, grain, periods[0].Start, periods[^1].Start, cancellationToken))
            .ToDictionary(c => c.Cell.Period);
        var missing = periods.Where(p => !stored.ContainsKey(p)).ToList();
        var empty = missing.Count > 0 ? EmptyPeriods.Values(Nobody, new CrmOptions(), new KpiSettings(), missing) : [];
        var cells = periods.Select(p => stored.TryGetValue(p, out var cell) ? cell.Cell : new KpiCell(dimension, key, p, empty[p])).ToList();
        return new KpiSeries(tenantId, dimension, key, grain, cells);
    }

    /// <summary>
    /// The top and bottom <paramref name="size"/> entities by one KPI, among those <paramref name="visible"/> to the caller
    /// (ranks count only those); entities whose value is undefined are not ranked.
    /// </summary>
    public async Task<KpiLeaderboard> GetLeaderboardAsync(
        string tenantId, KpiDimension dimension, KpiPeriod period, string kpi, int size, Func<string, bool> visible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visible);
        if (KpiCatalogue.Definitions.All(d => d.Name != kpi))
        {
            throw new ArgumentException($"Unknown KPI '{kpi}'.", nameof(kpi));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxLeaderboardSize);
        var valued = (await kpis.GetPeriodAsync(tenantId, period, dimension, cancellationToken))
            .Where(c => c.Cell.Values[kpi] is not null && visible(c.Cell.Key))
            .Select(c => (c.Cell.Key, Value: c.Cell.Values[kpi]!.Value))
            .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<KpiStanding>(valued.Count);
        for (var i = 0; i < valued.Count; i++)
        {
            var rank = i > 0 && valued[i].Value == valued[i - 1].Value ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new KpiStanding(rank, valued[i].Key, valued[i].Value));
        }

        return new KpiLeaderboard(dimension, period, kpi, ranked.Count, [.. ranked.Take(size)], [.. ranked.AsEnumerable().Reverse().Take(size)]);
    }

    /// <summary>Every KPI of the entity in <paramref name="period"/> next to the period of the same grain before it.</summary>
    public async Task<IReadOnlyList<KpiComparison>> ComparePreviousAsync(
        string tenantId, KpiDimension dimension, string key, KpiPeriod period, CancellationToken cancellationToken)
    {
        var previous = period.Previous();
        var series = await GetSeriesAsync(tenantId, dimension, key, period.Grain, previous.Start, period.Start, cancellationToken);
        var (before, now) = (series.Cells[0].Values, series.Cells[^1].Values);
        return
        [
            .. KpiCatalogue.Definitions.Select(d =>
            {
                var (current, past) = (now[d.Name], before[d.Name]);
                var change = current - past;
                return new KpiComparison(d, current, past, change, past is { } p && p != 0 && change is { } c ? Math.Round(c / Math.Abs(p), 4) : null);
            }),
        ];
    }

    /// <summary>The stored cells of every entity of the dimension in one period, by key; for side-by-side views and exports.</summary>
    public async Task<IReadOnlyList<KpiCell>> GetPeriodAsync(string tenantId, KpiDimension dimension, KpiPeriod period, CancellationToken cancellationToken) =>
        [.. (await kpis.GetPeriodAsync(tenantId, period, dimension, cancellationToken)).Select(c => c.Cell).OrderBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>Whether the range runs forwards and spans at most <see cref="MaxPeriods"/> periods of the grain.</summary>
    public static bool IsReadableRange(KpiGrain grain, DateOnly from, DateOnly to) =>
        to >= from && !KpiPeriod.Between(grain, from, to).Skip(MaxPeriods).Any();

    /// <summary>The periods of a grain from the one containing <paramref name="from"/> to the one containing <paramref name="to"/>.</summary>
    public static IReadOnlyList<KpiPeriod> Periods(KpiGrain grain, DateOnly from, DateOnly to) =>
        IsReadableRange(grain, from, to)
            ? [.. KpiPeriod.Between(grain, from, to)]
            : throw new ArgumentOutOfRangeException(nameof(to), $"The range must run forwards and span at most {MaxPeriods} periods of a {grain.ToString().ToLowerInvariant()}.");
}
