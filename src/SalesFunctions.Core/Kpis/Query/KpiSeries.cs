using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Query;

/// <summary>One entity's KPIs period by period; a period without a stored cell shows what an empty period computes to.</summary>
public sealed record KpiSeries(string Tenant, KpiDimension Dimension, string Key, KpiGrain Grain, IReadOnlyList<KpiCell> Cells);
