namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>One configured sales and marketing spend of the whole tenant (Kpis:Tenants:{tenantId}:Spend:{i}).</summary>
public sealed class KpiSpendEntryOptions
{
    /// <summary>A period key: 2026-10-05, 2026-W41, 2026-10 or 2026-Q4.</summary>
    public string? Period { get; set; }

    public decimal Amount { get; set; }
}
