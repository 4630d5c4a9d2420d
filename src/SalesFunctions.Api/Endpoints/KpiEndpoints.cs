using System.Globalization;
using System.Text;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Query;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Api.Endpoints;

/// <summary>
/// The KPI API (docs/kpis.md): every KPI of the catalogue, by name, in each answer. The entity is one of rep=, team=,
/// territory= or account=; none of them means the tenant total.
/// </summary>
public static class KpiEndpoints
{
    /// <summary>GET kpis?tenant=&amp;rep=|team=|territory=|account=&amp;grain=day|week|month|quarter&amp;from=&amp;to=</summary>
    public static async Task<IResult> GetSeriesAsync(HttpRequest request, KpiQueryService kpis, CancellationToken cancellationToken)
    {
        var query = new KpiQuery(request);
        var (dimension, key) = query.Entity();
        var grain = query.Grain();
        var (from, to) = (query.Day("from"), query.Day("to"));
        query.CheckPeriods(grain, from, to);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var series = await kpis.GetSeriesAsync(query.Tenant, dimension, key, grain, from, to, cancellationToken);
        return Results.Ok(new
        {
            tenant = series.Tenant,
            dimension = Name(series.Dimension),
            key = series.Key,
            grain = Name(series.Grain),
            definitionVersion = KpiCatalogue.Version,
            series = series.Cells.Select(Point).ToList(),
        });
    }

    /// <summary>GET kpis/leaderboard?tenant=&amp;dimension=rep|team|territory|account&amp;period=2026-Q4&amp;kpi=revenueWon&amp;size=5</summary>
    public static async Task<IResult> GetLeaderboardAsync(HttpRequest request, KpiQueryService kpis, CancellationToken cancellationToken)
    {
        var query = new KpiQuery(request);
        var dimension = query.Dimension();
        var period = query.Period();
        var kpi = query.Kpi();
        var size = query.Size();
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var board = await kpis.GetLeaderboardAsync(query.Tenant, dimension, period, kpi, size, key => query.Shows(dimension, key), cancellationToken);
        return Results.Ok(new
        {
            tenant = query.Tenant,
            dimension = Name(board.Dimension),
            grain = Name(board.Period.Grain),
            period = board.Period.Key,
            kpi = board.Kpi,
            ranked = board.Ranked,
            top = board.Top.Select(Standing).ToList(),
            bottom = board.Bottom.Select(Standing).ToList(),
        });
    }

    /// <summary>GET kpis/compare?tenant=&amp;rep=|team=|territory=|account=&amp;period=2026-10 : each KPI against the period before.</summary>
    public static async Task<IResult> ComparePreviousAsync(HttpRequest request, KpiQueryService kpis, CancellationToken cancellationToken)
    {
        var query = new KpiQuery(request);
        var (dimension, key) = query.Entity();
        var period = query.Period();
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var comparisons = await kpis.ComparePreviousAsync(query.Tenant, dimension, key, period, cancellationToken);
        return Results.Ok(new
        {
            tenant = query.Tenant,
            dimension = Name(dimension),
            key,
            grain = Name(period.Grain),
            period = period.Key,
            previous = period.Previous().Key,
            kpis = comparisons.Select(c => new
            {
                name = c.Definition.Name,
                category = c.Definition.Category,
                unit = c.Definition.Unit,
                current = c.Current,
                previous = c.Previous,
                change = c.Change,
                changeRatio = c.ChangeRatio,
            }).ToList(),
        });
    }

    /// <summary>
    /// GET kpis/activity-vs-performance?tenant=&amp;dimension=rep|team|territory&amp;period=2026-Q4 : every entity's activity
    /// KPIs (the inputs) next to its performance and service KPIs (the outputs) and the ratios linking them.
    /// </summary>
    public static async Task<IResult> GetActivityVsPerformanceAsync(HttpRequest request, KpiQueryService kpis, CancellationToken cancellationToken)
    {
        var query = new KpiQuery(request);
        var dimension = query.Dimension();
        var period = query.Period();
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var cells = (await kpis.GetPeriodAsync(query.Tenant, dimension, period, cancellationToken)).Where(c => query.Shows(dimension, c.Key));
        return Results.Ok(new
        {
            tenant = query.Tenant,
            dimension = Name(dimension),
            grain = Name(period.Grain),
            period = period.Key,
            rows = cells.Select(c => new
            {
                key = c.Key,
                activity = Category(c, "activity"),
                performance = Category(c, "performance"),
                service = Category(c, "service"),
                linking = Category(c, "linking"),
            }).ToList(),
        });
    }

    /// <summary>
    /// GET kpis/export?tenant=&amp;dimension=&amp;grain=&amp;from=&amp;to= : every entity of the dimension and every KPI, a row per
    /// entity and period, as CSV (RFC 4180, invariant numbers, empty when undefined).
    /// </summary>
    public static async Task<IResult> ExportAsync(HttpRequest request, KpiQueryService kpis, CancellationToken cancellationToken)
    {
        var query = new KpiQuery(request);
        var dimension = query.Dimension();
        var grain = query.Grain();
        var (from, to) = (query.Day("from"), query.Day("to"));
        query.CheckPeriods(grain, from, to);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var csv = new StringBuilder();
        csv.Append("dimension,key,grain,period,periodStart,periodEnd,definitionVersion");
        foreach (var definition in KpiCatalogue.Definitions)
        {
            csv.Append(',').Append(definition.Name);
        }

        csv.Append("\r\n");
        foreach (var period in KpiQueryService.Periods(grain, from, to))
        {
            foreach (var cell in (await kpis.GetPeriodAsync(query.Tenant, dimension, period, cancellationToken)).Where(c => query.Shows(dimension, c.Key)))
            {
                csv.Append(Name(dimension)).Append(',').Append(CsvField(cell.Key)).Append(',').Append(Name(grain)).Append(',')
                    .Append(period.Key).Append(',').Append(Day(period.Start)).Append(',').Append(Day(period.End)).Append(',')
                    .Append(KpiCatalogue.Version.ToString(CultureInfo.InvariantCulture));
                foreach (var definition in KpiCatalogue.Definitions)
                {
                    csv.Append(',').Append(cell.Values[definition.Name]?.ToString(CultureInfo.InvariantCulture));
                }

                csv.Append("\r\n");
            }
        }

        var name = $"kpis-{query.Tenant}-{Name(dimension)}-{Name(grain)}-{Day(from)}-{Day(to)}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    /// <summary>GET kpis/catalogue : every KPI of the catalogue with its unit, category and formula (docs/kpis.md).</summary>
    public static IResult GetCatalogue() => Results.Ok(new
    {
        definitionVersion = KpiCatalogue.Version,
        kpis = KpiCatalogue.Definitions.Select(d => new { name = d.Name, category = d.Category, unit = d.Unit, formula = d.Formula, inputs = d.Inputs, version = d.Version }).ToList(),
    });

    /// <summary>A series point: the period, then every KPI by name, flat, so a chart or a sheet reads it directly.</summary>
    private static Dictionary<string, object?> Point(KpiCell cell)
    {
        var point = new Dictionary<string, object?>(KpiCatalogue.Definitions.Count + 2, StringComparer.Ordinal)
        {
            ["period"] = cell.Period.Key,
            ["start"] = Day(cell.Period.Start),
        };
        foreach (var definition in KpiCatalogue.Definitions)
        {
            point[definition.Name] = cell.Values[definition.Name];
        }

        return point;
    }

    private static Dictionary<string, decimal?> Category(KpiCell cell, string category) =>
        KpiCatalogue.Definitions.Where(d => d.Category == category).ToDictionary(d => d.Name, d => cell.Values[d.Name], StringComparer.Ordinal);

    private static object Standing(KpiStanding standing) => new { rank = standing.Rank, key = standing.Key, value = standing.Value };

    private static string CsvField(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
