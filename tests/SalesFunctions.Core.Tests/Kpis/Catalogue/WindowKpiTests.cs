using System.Globalization;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

/// <summary>
/// The bounded windows of catalogue version 5 at their edges, computed by hand: a reply answers within 14 days
/// (14 × 24 h, and by the 14th local day), and "new" and "first" look back 365 days, never further.
/// </summary>
public sealed class WindowKpiTests
{
    private const string Replied14Days = "replyRate=1 responseTimeRepMedianMinutes=20160 firstResponseMinutesMedian=20160";
    private const string Unanswered = "replyRate=0 responseTimeRepMedianMinutes=- firstResponseMinutesMedian=-";

    public static TheoryData<string, string, string, string> CustomerEmails => new()
    {
        // 14 × 24 h = 20160 minutes.
        { "UTC", "2026-10-05T09:00:00Z", "2026-10-19T09:00:00Z", Replied14Days },
        { "UTC", "2026-10-05T09:00:00Z", "2026-10-19T09:01:00Z", Unanswered },
        { "UTC", "2026-03-20T22:30:00Z", "2026-04-03T22:30:00Z", Replied14Days },

        // 23:30 CET on 20 March to 00:30 CEST on 4 April: 14 × 24 h, but on the 15th local day, past the input days.
        { "Europe/Berlin", "2026-03-20T22:30:00Z", "2026-04-03T22:30:00Z", Unanswered },
    };

    public static TheoryData<string, string, string> RepEmails => new()
    {
        { "2026-10-05T09:00:00Z", "2026-10-19T09:00:00Z", "responseTimeCustomerMedianMinutes=20160 responseTimeCustomerP90Minutes=20160" },
        { "2026-10-05T09:00:00Z", "2026-10-19T09:01:00Z", "responseTimeCustomerMedianMinutes=- responseTimeCustomerP90Minutes=-" },
    };

    public static TheoryData<string, string, string, string, string> InboundAgain => new()
    {
        // Kim writes again and Ava answers 45 minutes later; the earlier emails go unanswered.
        { "UTC", "2025-10-05T09:00:00Z", "2026-10-06T09:00:00Z", "2026-10-06", "firstResponseMinutesMedian=45 responseTimeRepMedianMinutes=45" },
        { "UTC", "2025-10-05T09:00:00Z", "2026-10-05T09:00:00Z", "2026-10-05", "firstResponseMinutesMedian=- responseTimeRepMedianMinutes=45" },
        { "UTC", "2025-10-05T09:00:00Z", "2026-10-05T09:01:00Z", "2026-10-05", "firstResponseMinutesMedian=45 responseTimeRepMedianMinutes=45" },

        // The silence counts from the latest inbound email: 188 days since 1 April.
        { "UTC", "2025-10-05T09:00:00Z 2026-04-01T09:00:00Z", "2026-10-06T09:00:00Z", "2026-10-06", "firstResponseMinutesMedian=- responseTimeRepMedianMinutes=45" },

        // Exactly 365 × 24 h before 00:30 CEST on 30 March 2026 is 23:30 CET on 29 March 2025: 366 local days back.
        { "UTC", "2025-03-29T22:30:00Z", "2026-03-29T22:30:00Z", "2026-03-29", "firstResponseMinutesMedian=- responseTimeRepMedianMinutes=45" },
        { "Europe/Berlin", "2025-03-29T22:30:00Z", "2026-03-29T22:30:00Z", "2026-03-30", "firstResponseMinutesMedian=45 responseTimeRepMedianMinutes=45" },
    };

    public static TheoryData<string, int, int> EarlierEngagements => new()
    {
        // October 2026: its window looks back to 1 October 2025. Ava writes to Northwind on 5 and 20 October.
        { "", 1, 1 },
        { "ava:2025-06-01", 1, 1 },
        { "ava:2025-09-30", 1, 1 },
        { "ava:2025-10-01", 0, 0 },
        { "ava:2026-06-23", 0, 0 },

        // Bo engaged Northwind for the team 100 days before October; Ava herself not for 16 months.
        { "ava:2025-06-01 bo:2026-06-23", 1, 0 },
    };

    public static TheoryData<string, string> ActivitiesBeforeWin => new()
    {
        // Won on 20 October 2026: the window starts on 20 October 2025.
        { "2025-10-19 2026-03-01", "firstActivityToWonDaysMedian=233" },
        { "2025-10-20 2026-03-01", "firstActivityToWonDaysMedian=365" },
        { "2025-10-19", "firstActivityToWonDaysMedian=-" },
        { "2026-10-21", "firstActivityToWonDaysMedian=-" },
    };

    public static TheoryData<string, string> EarlierWins => new()
    {
        // October 2026 wins Fabrikam EUR 1000 (USD 1100) on the 6th and Northwind USD 600 on the 20th; spend 1200.
        // New or returning customers look back 365 days from each win; lifetime value covers 1 Nov 2025 – 31 Oct 2026.
        { "", "cac=600 customerLifetimeValue=850" },
        { "acc-northwind:2025-10-19:1000", "cac=600 customerLifetimeValue=850" },
        { "acc-northwind:2025-10-20:1000", "cac=1200 customerLifetimeValue=850" },
        { "acc-northwind:2025-11-01:300", "cac=1200 customerLifetimeValue=1000" },
        { "acc-fabrikam:2025-12-01:500", "cac=1200 customerLifetimeValue=1100" },
        { "acc-northwind:2025-10-31:1000 acc-fabrikam:2026-07-01:900", "cac=- customerLifetimeValue=1300" },
        { "acc-northwind:2026-11-05:5000", "cac=600 customerLifetimeValue=850" },
    };

    [Theory]
    [MemberData(nameof(CustomerEmails))]
    public void Compute_WhenARepAnswersAtTheReplyWindowsEdge_CountsItAnsweredOnlyWithinIt(string timeZone, string askedAt, string answeredAt, string expected)
    {
        var day = KpiPeriod.Of(KpiGrain.Day, DateOnly.Parse(askedAt[..10], CultureInfo.InvariantCulture));

        var cells = Compute([day], [Email("in", TestData.Kim, [TestData.Ava], askedAt, "c"), Email("out", TestData.Ava, [TestData.Kim], answeredAt, "c")], timeZone: timeZone);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", day), expected, $"{timeZone} {askedAt} → {answeredAt}");
    }

    [Theory]
    [MemberData(nameof(RepEmails))]
    public void Compute_WhenACustomerAnswersAtTheReplyWindowsEdge_TakesTheSampleOnlyWithinIt(string askedAt, string answeredAt, string expected)
    {
        var day = KpiPeriod.Of(KpiGrain.Day, DateOnly.Parse(askedAt[..10], CultureInfo.InvariantCulture));

        var cells = Compute([day], [Email("out", TestData.Ava, [TestData.Kim], askedAt, "c"), Email("in", TestData.Kim, [TestData.Ava], answeredAt, "c")]);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", day), expected, $"{askedAt} → {answeredAt}");
    }

    [Theory]
    [MemberData(nameof(InboundAgain))]
    public void Compute_WhenACustomerWritesAgainAfterASilence_CountsAFirstResponseOnlyAfterAYear(
        string timeZone, string earlier, string again, string periodDay, string expected)
    {
        var day = KpiPeriod.Of(KpiGrain.Day, DateOnly.Parse(periodDay, CultureInfo.InvariantCulture));
        var emails = earlier.Split(' ').Select((at, i) => Email($"before{i}", TestData.Kim, [TestData.Ava], at, "c")).ToList();
        emails.Add(Email("again", TestData.Kim, [TestData.Ava], again, "c"));
        emails.Add(Email("answer", TestData.Ava, [TestData.Kim], At(again).AddMinutes(45).ToString("O", CultureInfo.InvariantCulture), "c"));

        var cells = Compute([day], emails, timeZone: timeZone);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", day), expected, $"{timeZone} {earlier} → {again}");
    }

    [Theory]
    [MemberData(nameof(EarlierEngagements))]
    public void Compute_WhenAnAccountIsEngagedAgain_CountsItNewOnlyAfterAYearWithout(string earlier, int newForAva, int newForTeam)
    {
        var before = earlier.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => Email("before-" + e, e.StartsWith("ava", StringComparison.Ordinal) ? TestData.Ava : TestData.Bo, [TestData.Kim], e[(e.IndexOf(':', StringComparison.Ordinal) + 1)..] + "T10:00:00Z"));
        Activity[] october = [Email("o1", TestData.Ava, [TestData.Kim], "2026-10-05T10:00:00Z"), Email("o2", TestData.Ava, [TestData.Kim], "2026-10-20T10:00:00Z")];

        var cells = Compute([October], [.. before, .. october]);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", October), $"newAccountsEngaged={newForAva} uniqueAccounts=1", $"rep-ava after {earlier}");
        AssertValues(Values(cells, KpiDimension.Team, "team-a", October), $"newAccountsEngaged={newForTeam}", $"team-a after {earlier}");
        AssertValues(Values(cells, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, October), $"newAccountsEngaged={newForTeam}", $"tenant after {earlier}");
    }

    [Theory]
    [MemberData(nameof(ActivitiesBeforeWin))]
    public void Compute_WhenTheAccountsFirstActivityIsOverAYearBeforeTheWin_IgnoresIt(string activityDays, string expected)
    {
        var activities = activityDays.Split(' ').Select(d => Email("a-" + d, TestData.Ava, [TestData.Kim], d + "T10:00:00Z"));
        var deal = Deal("won", [Owner("u-ava"), Created("2026-09-01"), .. Won("2026-10-20"), Amount("600"), Account("acc-northwind")]);

        var cells = Compute([October], [.. activities], [deal]);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", October), expected, activityDays);
        AssertValues(Values(cells, KpiDimension.Account, "acc-northwind", October), expected, activityDays);
    }

    [Theory]
    [MemberData(nameof(EarlierWins))]
    public void Compute_WhenAccountsWonBefore_CountsCustomersAndLifetimeValueWithinAYear(string earlierWins, string expected)
    {
        var settings = new KpiSettings { Spend = [new Spend(October, 1200m)] };

        var cells = Compute([October], deals: [.. OctoberWins, .. Wins(earlierWins)], settings: settings);

        AssertValues(Values(cells, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, October), expected, earlierWins);
    }

    [Fact]
    public void Compute_WhenNoWinInTheYearToThePeriodsEnd_LeavesLifetimeValueUndefined()
    {
        // November 2027 looks back to 1 December 2026: October 2026's wins are out of its window.
        var november = Month(2027, 11);

        var cells = Compute([October, november], deals: OctoberWins);

        AssertValues(Values(cells, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, October), "customerLifetimeValue=850", "October 2026");
        AssertValues(Values(cells, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, november), "customerLifetimeValue=- cac=-", "November 2027");
    }

    private static CrmRecord[] OctoberWins =>
    [
        Deal("fabrikam-oct", [Owner("u-ava"), Created("2026-09-15"), .. Won("2026-10-06"), Amount("1000"), (CrmFields.Currency, "EUR"), Account("acc-fabrikam")]),
        Deal("northwind-oct", [Owner("u-cy"), Created("2026-09-20"), .. Won("2026-10-20"), Amount("600"), Account("acc-northwind")]),
    ];

    /// <summary>Won deals from "account:day:amount" entries separated by spaces, in USD.</summary>
    private static IEnumerable<CrmRecord> Wins(string entries) =>
        entries.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':')).Select(e =>
            Deal($"won-{e[0]}-{e[1]}", [Owner("u-ghost"), Created(e[1]), .. Won(e[1]), Amount(e[2]), Account(e[0])]));
}
