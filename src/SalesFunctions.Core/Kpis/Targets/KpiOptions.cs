using System.ComponentModel.DataAnnotations;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>Settings of the KPI rollup (section "Kpis").</summary>
public sealed class KpiOptions
{
    public const string Section = "Kpis";

    /// <summary>Selling time credited per email sent (docs/kpis.md, sellingMinutes).</summary>
    [Range(0, 240)]
    public decimal MinutesPerEmail { get; set; } = 5m;

    /// <summary>
    /// Seconds between a tenant's new facts and the rollup that counts them (the event-driven rollup, ADR 0022); the
    /// marks that arrive within them share one rollup. 0 turns it off: only the timer rolls up.
    /// </summary>
    [Range(0, 3600)]
    public int RollupDelaySeconds { get; set; } = 5;

    /// <summary>Configured targets by tenant id (docs/kpis.md, Targets); checked at startup by <see cref="KpiOptionsValidator"/>.</summary>
    public Dictionary<string, KpiTargetOptions> Tenants { get; set; } = new(StringComparer.Ordinal);
}
