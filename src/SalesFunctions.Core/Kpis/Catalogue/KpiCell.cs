namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// The KPIs of one entity for one period, by catalogue name (<see cref="KpiCatalogue.Definitions"/>). Every name is
/// present; a null value is undefined (a zero denominator, no samples, or a KPI that does not apply to the dimension).
/// </summary>
public sealed record KpiCell(KpiDimension Dimension, string Key, KpiPeriod Period, IReadOnlyDictionary<string, decimal?> Values);
