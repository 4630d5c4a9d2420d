namespace SalesFunctions.Core.Kpis;

public sealed record KpiRow(
    KpiDimension Dimension,
    string Key,
    DateOnly Day,
    DailyKpis Values,
    int DefinitionVersion = KpiDefinitions.Version);
