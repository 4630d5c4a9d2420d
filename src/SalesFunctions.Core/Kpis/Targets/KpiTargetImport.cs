namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>What a targets upload held, and the keys of the periods whose sums changed (marked for recomputation).</summary>
public sealed record KpiTargetImport(int Quotas, int Forecasts, int Spend, IReadOnlyList<string> PeriodsMarked);
