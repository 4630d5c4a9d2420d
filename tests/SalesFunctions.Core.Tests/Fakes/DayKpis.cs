using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>
/// The counts of a stored day cell that the pipeline tests assert on, read from the catalogue values by name, with an
/// undefined count read as 0, so that a test compares one record instead of a dictionary.
/// </summary>
public sealed record DayKpis(int EmailsSent, int EmailsReceived, int Meetings, int MeetingMinutes, int UniqueAccounts)
{
    public static DayKpis Zero { get; } = new(0, 0, 0, 0, 0);

    public int DealsCreated { get; init; }

    public int DealsWon { get; init; }

    public int DealsLost { get; init; }

    public decimal RevenueWon { get; init; }

    public int CasesOpened { get; init; }

    public int CasesResolved { get; init; }

    public int OutsideTerritory { get; init; }

    public static DayKpis Of(IReadOnlyDictionary<string, decimal?>? values)
    {
        int Count(string name) => (int)(values?.GetValueOrDefault(name) ?? 0);
        return new DayKpis(Count("emailsSent"), Count("emailsReceived"), Count("meetings"), Count("meetingMinutes"), Count("uniqueAccounts"))
        {
            DealsCreated = Count("dealsCreated"),
            DealsWon = Count("dealsWon"),
            DealsLost = Count("dealsLost"),
            RevenueWon = values?.GetValueOrDefault("revenueWon") ?? 0,
            CasesOpened = Count("casesOpened"),
            CasesResolved = Count("casesResolved"),
            OutsideTerritory = Count("outsideTerritory"),
        };
    }
}
