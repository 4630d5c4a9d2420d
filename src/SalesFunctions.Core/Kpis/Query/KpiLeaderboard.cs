using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Query;

/// <summary>The entities of a dimension with the highest and the lowest value of one KPI in one period.</summary>
/// <param name="Ranked">How many entities had a defined value, i.e. could be ranked.</param>
public sealed record KpiLeaderboard(KpiDimension Dimension, KpiPeriod Period, string Kpi, int Ranked, IReadOnlyList<KpiStanding> Top, IReadOnlyList<KpiStanding> Bottom);
