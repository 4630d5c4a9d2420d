namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>One configured quota or forecast (Kpis:Tenants:{tenantId}:Quotas:{i} or :Forecasts:{i}).</summary>
public sealed class KpiTargetEntryOptions
{
    /// <summary>rep, team, territory or tenant.</summary>
    public string? Dimension { get; set; }

    /// <summary>The rep, team or territory id; empty or "all" for the tenant.</summary>
    public string? Key { get; set; }

    /// <summary>A period key: 2026-10-05, 2026-W41, 2026-10 or 2026-Q4.</summary>
    public string? Period { get; set; }

    public decimal Amount { get; set; }
}
