namespace SalesFunctions.Core.Kpis;

public sealed record KpiPoint(
    string Period,
    int EmailsSent,
    int EmailsReceived,
    int Meetings,
    int MeetingMinutes,
    int UniqueAccounts);
