namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>The revenue target of one entity for one period, in the reporting currency.</summary>
public sealed record Quota(KpiDimension Dimension, string Key, KpiPeriod Period, decimal Amount);
