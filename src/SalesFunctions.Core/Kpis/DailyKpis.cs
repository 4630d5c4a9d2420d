namespace SalesFunctions.Core.Kpis;

/// <summary>Activity KPIs of one entity for one day. Definitions: docs/kpis.md (version <see cref="KpiDefinitions.Version"/>).</summary>
public sealed record DailyKpis(
    int EmailsSent,
    int EmailsReceived,
    int Meetings,
    int MeetingMinutes,
    int UniqueAccounts)
{
    public static DailyKpis Zero { get; } = new(0, 0, 0, 0, 0);
}
