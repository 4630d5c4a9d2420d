namespace SalesFunctions.Core.Kpis;

public sealed record KpiSeries(string Tenant, KpiDimension Dimension, string Key, string Grain, IReadOnlyList<KpiPoint> Series);
