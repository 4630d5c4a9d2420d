using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Query;

/// <summary>One KPI of an entity in a period next to the period before.</summary>
/// <param name="Change">current − previous; null when either is undefined.</param>
/// <param name="ChangeRatio">Change / |previous|; null when previous is 0 or undefined.</param>
public sealed record KpiComparison(KpiDefinition Definition, decimal? Current, decimal? Previous, decimal? Change, decimal? ChangeRatio);
