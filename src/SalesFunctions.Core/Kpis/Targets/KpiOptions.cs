using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>Settings of the KPI rollup (section "Kpis").</summary>
public sealed class KpiOptions
{
    public const string Section = "Kpis";

    /// <summary>Selling time credited per email sent (docs/kpis.md, sellingMinutes).</summary>
    [Range(0, 240)]
    public decimal MinutesPerEmail { get; set; } = 5m;
}
