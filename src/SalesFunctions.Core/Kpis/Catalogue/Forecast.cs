namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// The revenue one entity forecast for one period, as captured at the period's start (a forecast revised during the
/// period would measure nothing), in the reporting currency.
/// </summary>
public sealed record Forecast(KpiDimension Dimension, string Key, KpiPeriod Period, decimal Amount);
