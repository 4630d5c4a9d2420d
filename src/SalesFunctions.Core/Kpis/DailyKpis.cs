namespace SalesFunctions.Core.Kpis;

/// <summary>
/// KPIs of one entity for one day. Definitions: docs/kpis.md (version <see cref="KpiDefinitions.Version"/>). Activity
/// KPIs (the inputs of selling) come from captured mail and meetings; performance KPIs (its outputs) from CRM records.
/// </summary>
public sealed record DailyKpis(
    int EmailsSent,
    int EmailsReceived,
    int Meetings,
    int MeetingMinutes,
    int UniqueAccounts)
{
    public static DailyKpis Zero { get; } = new(0, 0, 0, 0, 0);

    public int DealsCreated { get; init; }

    public int DealsWon { get; init; }

    public int DealsLost { get; init; }

    /// <summary>Amounts of deals won that day, in the reporting currency (Crm:ReportingCurrency).</summary>
    public decimal RevenueWon { get; init; }

    public int CasesOpened { get; init; }

    public int CasesResolved { get; init; }

    /// <summary>Activities credited to a rep who covers none of the accounts' territories (docs/kpis.md).</summary>
    public int OutsideTerritory { get; init; }
}
