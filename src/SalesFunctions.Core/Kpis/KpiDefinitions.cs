namespace SalesFunctions.Core.Kpis;

public static class KpiDefinitions
{
    /// <summary>Stored with every KPI row; raise it when a formula changes so stored values can be told apart and recomputed.</summary>
    public const int Version = 3;

    /// <summary>The key of the single <see cref="KpiDimension.Tenant"/> entity.</summary>
    public const string TenantTotalKey = "all";
}
