using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SalesFunctions.Host.Tests.Dashboard;

/// <summary>
/// What the browser tests measure and do not assert: per view, the time until it is usable (the dashboard's
/// "usable" Performance API measure, from navigation) and the durations of the API calls behind it (resource timing).
/// </summary>
public sealed class DashboardReport
{
    private readonly ConcurrentDictionary<string, (double UsableMs, double[] ApiMs)> _views = new();

    public void Add(string view, double usableMs, double[] apiMs) => _views[view] = (usableMs, apiMs);

    public static double P95(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
    }

    public void Write(string directory)
    {
        if (_views.IsEmpty)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Dashboard timings ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
        report.AppendLine();
        report.AppendLine("| View | Usable after (ms) | API calls | API p95 (ms) |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (view, (usable, api)) in _views.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {view} | {usable:F0} | {api.Length} | {P95(api):F0} |");
        }

        var all = _views.Values.SelectMany(v => v.ApiMs).ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"| all | {_views.Values.Max(v => v.UsableMs):F0} (slowest) | {all.Count} | {P95(all):F0} |");
        File.WriteAllText(Path.Combine(directory, "report.md"), report.ToString());
    }
}
