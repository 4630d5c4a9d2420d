namespace SalesFunctions.Core.Kpis.Rollup;

/// <param name="DirtyDays">The dirty tenant days the run handled.</param>
/// <param name="CellsWritten">The KPI cells it wrote.</param>
/// <param name="StillDirty">The days marked dirty again while the run computed them, left for the next run.</param>
public sealed record RollupRun(DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int DirtyDays, int CellsWritten, int StillDirty);
