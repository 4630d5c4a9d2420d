namespace SalesFunctions.Core.Kpis;

public sealed record RollupRun(DateTimeOffset StartedAt, DateTimeOffset CompletedAt, int Cells, int Rows, int StillDirty);
