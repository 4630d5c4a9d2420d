namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>The three kinds of target entry: the <c>kind</c> column of the targets CSV.</summary>
public enum KpiTargetKind
{
    Quota,
    Forecast,
    Spend,
}
