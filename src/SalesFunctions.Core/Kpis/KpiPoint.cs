namespace SalesFunctions.Core.Kpis;

/// <summary>One period of a KPI series: activity KPIs (inputs) next to performance KPIs (outputs).</summary>
public sealed record KpiPoint(
    string Period,
    int EmailsSent,
    int EmailsReceived,
    int Meetings,
    int MeetingMinutes,
    int UniqueAccounts)
{
    public int DealsCreated { get; init; }

    public int DealsWon { get; init; }

    public int DealsLost { get; init; }

    public decimal RevenueWon { get; init; }

    public int CasesOpened { get; init; }

    public int CasesResolved { get; init; }

    /// <summary>Activities credited to a rep who covers none of the accounts' territories (docs/kpis.md).</summary>
    public int OutsideTerritory { get; init; }
}
