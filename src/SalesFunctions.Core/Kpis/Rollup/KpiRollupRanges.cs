using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// Which days' periods a set of dirty days puts in question. A cell depends on activities up to
/// <see cref="KpiCatalogue.HistoryWindowDays"/> before its period and <see cref="KpiCatalogue.ReplyWindowDays"/> after it
/// (docs/kpis.md, windows), so a fact on day d can change the cells of periods that overlap
/// [d − reply window, d + history window]. Days after today have no cells yet unless they are dirty themselves
/// (a meeting planned for next week), so the forward reach stops at today.
/// </summary>
public static class KpiRollupRanges
{
    /// <summary>The merged day ranges, ascending, whose periods the rollup recomputes.</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> Affected(IEnumerable<DateOnly> dirtyDays, DateOnly today)
    {
        var ranges = dirtyDays
            .Select(d => (From: d.AddDays(-KpiCatalogue.ReplyWindowDays), To: Max(d, Min(today, d.AddDays(KpiCatalogue.HistoryWindowDays)))))
            .OrderBy(r => r.From)
            .ToList();
        var merged = new List<(DateOnly From, DateOnly To)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.From.DayNumber <= merged[^1].To.DayNumber + 1)
            {
                merged[^1] = (merged[^1].From, Max(merged[^1].To, range.To));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>
    /// Every period of every grain that overlaps the range. A week that straddles two ranges is computed in both;
    /// the values are the same, because a cell depends only on the facts within its own windows.
    /// </summary>
    public static IReadOnlyList<KpiPeriod> Periods(DateOnly from, DateOnly to) =>
        [.. Enum.GetValues<KpiGrain>().SelectMany(grain => KpiPeriod.Between(grain, from, to))];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
