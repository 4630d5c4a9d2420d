using System.Globalization;
using System.Text;
using SalesFunctions.Core.Csv;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>
/// Quotas, forecasts and spend as CSV (docs/kpis.md, Targets): a header row naming the columns in any order and any
/// letter case, then one entry per row. Every error names its line; a file with any error imports nothing.
/// </summary>
public static class KpiTargetsCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["kind", "dimension", "key", "period", "amount"];

    /// <summary>The targets the file holds; throws <see cref="CsvException"/> with every error and its line.</summary>
    public static KpiTargets Parse(string text)
    {
        var parsed = CsvTable.Parse<object?>(text, Columns, ["kind", "period", "amount"], (row, error) =>
        {
            var kind = row("kind")!.ToLowerInvariant() switch
            {
                "quota" => KpiTargetKind.Quota,
                "forecast" => KpiTargetKind.Forecast,
                "spend" => KpiTargetKind.Spend,
                _ => (KpiTargetKind?)null,
            };
            if (kind is null)
            {
                error($"kind '{row("kind")}' is not quota, forecast or spend.");
            }

            var isAmount = decimal.TryParse(row("amount"), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount);
            if (!isAmount)
            {
                error($"amount '{row("amount")}' is not a number (digits, '.' for decimals).");
            }

            return kind is null || !isAmount ? null : KpiTargetRules.Create(kind.Value, row("dimension"), row("key"), row("period"), amount, error);
        });
        return parsed.Errors.Count > 0 ? throw new CsvException(parsed.Errors) : KpiTargetRules.Collect(parsed.Items);
    }

    /// <summary>The targets as the CSV <see cref="Parse"/> reads: quotas, then forecasts, then spend, in their order.</summary>
    public static string Format(KpiTargets targets)
    {
        // RFC 4180 line ends. Keys are safe ids (KeyText) and periods and amounts have no comma or quote, so no field needs quotes.
        var csv = new StringBuilder().Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var quota in targets.Quotas)
        {
            Row(csv, KpiTargetKind.Quota, quota.Dimension, quota.Key, quota.Period, quota.Amount);
        }

        foreach (var forecast in targets.Forecasts)
        {
            Row(csv, KpiTargetKind.Forecast, forecast.Dimension, forecast.Key, forecast.Period, forecast.Amount);
        }

        foreach (var spend in targets.Spend)
        {
            Row(csv, KpiTargetKind.Spend, null, null, spend.Period, spend.SalesAndMarketing);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, KpiTargetKind kind, KpiDimension? dimension, string? key, KpiPeriod period, decimal amount) =>
        csv.Append(CultureInfo.InvariantCulture,
            $"{kind.ToString().ToLowerInvariant()},{dimension?.ToString().ToLowerInvariant()},{(dimension == KpiDimension.Tenant ? null : key)},{period.Key},{amount}\r\n");
}
