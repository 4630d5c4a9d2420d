using System.Diagnostics;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// The full KPI catalogue for a year of data over every dimension and grain, computed by our engine and, for the KPIs
/// that have SQL here (<see cref="DuckDbKpis.Compared"/>), by DuckDB over the same data in the same run. Each side runs
/// three times and its fastest run counts (the first warms up caches and the JIT); the cells of the compared KPIs must be
/// equal. Ours computes the whole catalogue in its time, DuckDB only the compared part in its.
/// </summary>
internal static class KpiBenchmark
{
    public sealed record Result(int Activities, int Deals, int Cases, int Cells, int ComparedCells, int Mismatches, TimeSpan Ours, TimeSpan DuckDb, IReadOnlyList<string> Examples)
    {
        public double OursPerSecond => Activities / Ours.TotalSeconds;

        public double DuckDbPerSecond => Activities / DuckDb.TotalSeconds;

        public double Ratio => DuckDb.TotalSeconds / Ours.TotalSeconds;
    }

    public static Result Run(int activities, int deals, int cases, Action<string> progress)
    {
        progress($"generating {activities:N0} activities, {deals:N0} deals, {cases:N0} cases...");
        var data = new KpiBenchmarkData(activities, deals, cases);
        var inputs = new KpiInputs(data.Directory, data.Activities, data.Deals, data.Cases, data.Crm, new KpiSettings());
        var periods = Enum.GetValues<KpiGrain>()
            .SelectMany(grain => Enumerable.Range(0, 365).Select(d => KpiPeriod.Of(grain, KpiBenchmarkData.FirstDay.AddDays(d))))
            .Distinct().ToList();

        IReadOnlyList<KpiCell> ours = [];
        var oursBest = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            ours = KpiCatalogue.Compute(inputs, periods);
            oursBest = Min(oursBest, clock.Elapsed);
            progress($"ours: run {run + 1}: {clock.Elapsed.TotalSeconds:F2} s, {ours.Count:N0} cells");
        }

        progress("loading DuckDB...");
        using var duck = new DuckDbKpis(data);
        Dictionary<(string Grain, string Period, string Dimension, string Key), Dictionary<string, decimal?>> sql = [];
        var duckBest = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var (cells, elapsed) = duck.Compute();
            (sql, duckBest) = (cells, Min(duckBest, elapsed));
            progress($"DuckDB: run {run + 1}: {elapsed.TotalSeconds:F2} s, {cells.Count:N0} cells");
        }

        // SQL groups whatever days the data has (deals closing next year); the comparison keeps to the requested periods.
        var requested = periods.Select(p => (p.Grain.ToString(), p.Key)).ToHashSet();
        sql = sql.Where(c => requested.Contains((c.Key.Grain, c.Key.Period))).ToDictionary(c => c.Key, c => c.Value);
        var (compared, mismatches, examples) = Compare(ours, sql);
        return new Result(activities, deals, cases, ours.Count, compared, mismatches, oursBest, duckBest, examples);
    }

    /// <summary>
    /// Every SQL cell against ours, KPI by KPI (money to the cent: DuckDB sums doubles). Ours may have cells SQL has
    /// not (an empty tenant period), but none with a non-zero compared KPI.
    /// </summary>
    private static (int Compared, int Mismatches, List<string> Examples) Compare(
        IReadOnlyList<KpiCell> ours, Dictionary<(string Grain, string Period, string Dimension, string Key), Dictionary<string, decimal?>> sql)
    {
        var byKey = ours.ToDictionary(c => (c.Period.Grain.ToString(), c.Period.Key, c.Dimension.ToString(), c.Key));
        var (mismatches, examples) = (0, new List<string>());
        void Mismatch(string text)
        {
            mismatches++;
            if (examples.Count < 10)
            {
                examples.Add(text);
            }
        }

        foreach (var (key, values) in sql)
        {
            if (!byKey.TryGetValue(key, out var cell))
            {
                Mismatch($"{key}: only in DuckDB");
                continue;
            }

            foreach (var (name, expected) in values)
            {
                var actual = cell.Values.GetValueOrDefault(name);
                var equal = name switch
                {
                    "revenueWon" => Math.Abs((actual ?? 0) - (expected ?? 0)) <= Cent,
                    "averageDealSize" => (actual, expected) is (null, null) || (actual is { } a && expected is { } e && Math.Abs(a - e) <= Cent),
                    _ => actual == expected,
                };
                if (!equal)
                {
                    Mismatch($"{key} {name}: ours {actual?.ToString() ?? "null"}, DuckDB {expected?.ToString() ?? "null"}");
                }
            }
        }

        foreach (var cell in ours.Where(c => !sql.ContainsKey((c.Period.Grain.ToString(), c.Period.Key, c.Dimension.ToString(), c.Key))))
        {
            if (DuckDbKpis.Compared.Any(name => cell.Values.GetValueOrDefault(name) is { } v && v != 0))
            {
                Mismatch($"{cell.Period.Key} {cell.Dimension} {cell.Key}: only ours has values");
            }
        }

        return (sql.Count, mismatches, examples);
    }

    /// <summary>
    /// DuckDB rounds a double: 41458.325 may be 41458.32499… there, and half away from zero gives one cent less than the
    /// catalogue's decimal. A cent either way is rounding; anything more is a formula difference.
    /// </summary>
    private const decimal Cent = 0.01m;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
