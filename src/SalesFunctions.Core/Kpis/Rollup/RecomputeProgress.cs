namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>Where a recompute is: the days of activities read and the periods computed and stored, out of how many.</summary>
public sealed record RecomputeProgress(int DaysRead, int DaysTotal, int PeriodsDone, int PeriodsTotal, int CellsWritten);
