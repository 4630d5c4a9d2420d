namespace SalesFunctions.Core.Kpis;

public static class KpiDefinitions
{
    /// <summary>The key of the single <see cref="KpiDimension.Tenant"/> entity.</summary>
    public const string TenantTotalKey = "all";
}
