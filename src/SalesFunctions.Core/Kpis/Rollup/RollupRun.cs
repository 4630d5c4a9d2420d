namespace SalesFunctions.Core.Kpis;

/// <param name="Cells">The dirty tenant days the run handled.</param>
/// <param name="Rows">The KPI cells it wrote.</param>
public sealed record RollupRun(DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int Cells, int Rows, int StillDirty);
