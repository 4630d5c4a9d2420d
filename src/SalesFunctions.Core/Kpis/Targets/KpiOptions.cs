using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>Settings of the KPI rollup (section "Kpis").</summary>
public sealed class KpiOptions
{
    public const string Section = "Kpis";

    /// <summary>Selling time credited per email sent (docs/kpis.md, sellingMinutes).</summary>
    [Range(0, 240)]
    public decimal MinutesPerEmail { get; set; } = 5m;

    /// <summary>Configured targets by tenant id (docs/kpis.md, Targets); checked at startup by <see cref="KpiOptionsValidator"/>.</summary>
    public Dictionary<string, KpiTargetOptions> Tenants { get; set; } = new(StringComparer.Ordinal);
}
