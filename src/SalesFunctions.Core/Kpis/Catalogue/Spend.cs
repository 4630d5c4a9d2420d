namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// Sales and marketing spend of the whole tenant in one period, in the reporting currency. Spend is not split by rep or
/// team: nobody books costs that way, so the KPIs that use it exist at tenant level only.
/// </summary>
public sealed record Spend(KpiPeriod Period, decimal SalesAndMarketing);
