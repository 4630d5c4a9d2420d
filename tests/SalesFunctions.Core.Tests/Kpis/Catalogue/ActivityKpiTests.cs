using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

/// <summary>
/// Activity KPIs of ISO week 2026-W41 (Mon 5 – Sun 11 October, 5 working days), computed by hand. Conversation c1 is
/// Kim → Ava+Bo 09:00, Ava → Kim 09:30, Kim → Ava 10:30, Bo → Kim 12:30: rep replies after 30 and 120 minutes, the
/// customer's after 60. Lee's email to Cy (c2) is never answered; Cy's mail to Lee and a free-mail address (c3) never
/// answered either. Ava first wrote to Northwind on 1 September, before the week.
/// </summary>
public sealed class ActivityKpiTests
{
    private static readonly KpiPeriod Week = KpiPeriod.Of(KpiGrain.Week, new DateOnly(2026, 10, 5));

    private static readonly Activity[] Activities =
    [
        Email("e0", TestData.Ava, [TestData.Kim], "2026-09-01T10:00:00Z"),
        Email("e1", TestData.Kim, [TestData.Ava, TestData.Bo], "2026-10-05T09:00:00Z", "c1", ["global", "amer"]),
        Email("e2", TestData.Ava, [TestData.Kim], "2026-10-05T09:30:00Z", "c1"),
        Email("e3", TestData.Kim, [TestData.Ava], "2026-10-05T10:30:00Z", "c1"),
        Email("e4", TestData.Bo, [TestData.Kim], "2026-10-05T12:30:00Z", "c1"),
        Email("e5", TestData.Lee, [TestData.Cy], "2026-10-06T08:00:00Z", "c2"),
        Email("e6", TestData.Cy, [TestData.Lee, TestData.FreeMail], "2026-10-06T09:00:00Z", "c3"),
        Meeting("m1", TestData.Ava, [TestData.Kim, TestData.Cy], 60, "2026-10-07T14:00:00Z"),
        Meeting("m2", TestData.Bo, [TestData.Lee], 30, "2026-10-08T14:00:00Z", ["global"]),
        Email("e7", TestData.Kim, [TestData.Colleague], "2026-10-09T09:00:00Z"),
    ];

    public static TheoryData<KpiDimension, string, string> Cells => new()
    {
        {
            KpiDimension.Tenant, KpiDefinitions.TenantTotalKey,
            "emailsSent=3 emailsReceived=3 meetings=2 meetingMinutes=90 calls=0 touchpoints=8 uniqueAccounts=2 uniqueContacts=3 newAccountsEngaged=1 "
            + "replyRate=0.6667 responseTimeRepMedianMinutes=30 responseTimeRepP90Minutes=120 responseTimeCustomerMedianMinutes=60 responseTimeCustomerP90Minutes=60 "
            + "firstResponseMinutesMedian=30 sellingMinutes=105 workload=0.5333 emailShare=0.75 meetingShare=0.25"
        },
        {
            KpiDimension.Rep, "rep-ava",
            "emailsSent=1 emailsReceived=2 meetings=1 meetingMinutes=60 calls=0 touchpoints=4 uniqueAccounts=1 uniqueContacts=1 newAccountsEngaged=0 "
            + "replyRate=1 responseTimeRepMedianMinutes=30 responseTimeRepP90Minutes=120 responseTimeCustomerMedianMinutes=60 responseTimeCustomerP90Minutes=60 "
            + "firstResponseMinutesMedian=30 sellingMinutes=65 workload=0.8 emailShare=0.75 meetingShare=0.25"
        },
        {
            KpiDimension.Rep, "rep-bo",
            "emailsSent=1 emailsReceived=1 meetings=1 meetingMinutes=30 calls=0 touchpoints=3 uniqueAccounts=2 uniqueContacts=2 newAccountsEngaged=2 "
            + "replyRate=1 responseTimeRepMedianMinutes=30 responseTimeRepP90Minutes=30 responseTimeCustomerMedianMinutes=- responseTimeCustomerP90Minutes=- "
            + "firstResponseMinutesMedian=30 sellingMinutes=35 workload=0.6 emailShare=0.6667 meetingShare=0.3333"
        },
        {
            KpiDimension.Rep, "rep-cy",
            "emailsSent=1 emailsReceived=1 meetings=1 meetingMinutes=60 calls=0 touchpoints=3 uniqueAccounts=2 uniqueContacts=3 newAccountsEngaged=2 "
            + "replyRate=0 responseTimeRepMedianMinutes=- responseTimeRepP90Minutes=- responseTimeCustomerMedianMinutes=- responseTimeCustomerP90Minutes=- "
            + "firstResponseMinutesMedian=- sellingMinutes=65 workload=0.6 emailShare=0.6667 meetingShare=0.3333"
        },
        {
            // One email to Ava and Bo is one for the team; Cy's attendance of m1 does not add a rep to team-a's workload.
            KpiDimension.Team, "team-a",
            "emailsSent=2 emailsReceived=2 meetings=2 meetingMinutes=90 calls=0 touchpoints=6 uniqueAccounts=2 uniqueContacts=2 newAccountsEngaged=1 "
            + "replyRate=1 responseTimeRepMedianMinutes=30 responseTimeRepP90Minutes=120 responseTimeCustomerMedianMinutes=60 responseTimeCustomerP90Minutes=60 "
            + "firstResponseMinutesMedian=30 sellingMinutes=100 workload=0.6 emailShare=0.6667 meetingShare=0.3333"
        },
        {
            KpiDimension.Team, "team-b",
            "emailsSent=1 emailsReceived=1 meetings=1 meetingMinutes=60 touchpoints=3 uniqueAccounts=2 uniqueContacts=3 newAccountsEngaged=2 replyRate=0 "
            + "responseTimeRepMedianMinutes=- firstResponseMinutesMedian=- sellingMinutes=65 workload=0.6"
        },
        {
            // Workload over the three reps credited on Northwind's activities.
            KpiDimension.Account, "acc-northwind",
            "emailsSent=2 emailsReceived=2 meetings=1 meetingMinutes=60 calls=0 touchpoints=5 uniqueAccounts=1 uniqueContacts=1 newAccountsEngaged=0 "
            + "replyRate=1 responseTimeRepMedianMinutes=30 responseTimeRepP90Minutes=120 responseTimeCustomerMedianMinutes=60 responseTimeCustomerP90Minutes=60 "
            + "firstResponseMinutesMedian=30 sellingMinutes=70 workload=0.3333 emailShare=0.8 meetingShare=0.2"
        },
        {
            KpiDimension.Account, "acc-fabrikam",
            "emailsSent=1 emailsReceived=1 meetings=1 meetingMinutes=30 calls=0 touchpoints=3 uniqueAccounts=1 uniqueContacts=2 newAccountsEngaged=1 "
            + "replyRate=0 responseTimeRepMedianMinutes=- responseTimeCustomerMedianMinutes=- firstResponseMinutesMedian=- sellingMinutes=35 workload=0.3 "
            + "emailShare=0.6667 meetingShare=0.3333"
        },
        {
            // A territory has activity KPIs only: CRM facts carry no territory stamp.
            KpiDimension.Territory, "global",
            "emailsSent=0 emailsReceived=1 meetings=1 meetingMinutes=30 touchpoints=2 uniqueAccounts=2 uniqueContacts=2 newAccountsEngaged=2 replyRate=1 "
            + "responseTimeRepMedianMinutes=30 responseTimeRepP90Minutes=30 firstResponseMinutesMedian=30 sellingMinutes=30 workload=0.2 emailShare=0.5 meetingShare=0.5 "
            + "dealsCreated=- revenueWon=- casesOpened=- touchpointsPerWonDeal=- activityToOpportunityConversion=0"
        },
        {
            KpiDimension.Territory, "amer",
            "emailsReceived=1 touchpoints=1 uniqueAccounts=1 workload=0.1 replyRate=1"
        },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Compute_WhenAWeekOfActivities_GivesTheHandComputedActivityKpis(KpiDimension dimension, string key, string expected)
    {
        var cells = Compute([Week], Activities);

        AssertValues(Values(cells, dimension, key, Week), expected, $"{dimension} {key}");
    }

    [Fact]
    public void Compute_WhenActivitiesButNoDeals_LeavesPerformanceZeroAndItsRatiosUndefined()
    {
        var cells = Compute([Week], Activities);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", Week),
            "dealsWon=0 revenueWon=0 winRate=- touchpointsPerWonDeal=- meetingsPerWonDeal=- activityToOpportunityConversion=0 cac=- customerLifetimeValue=- salesEfficiency=-",
            "rep-ava");
    }

    [Fact]
    public void Compute_WhenAnActivityHasNoCreditedRep_GivesNobodyACell()
    {
        var cells = Compute([Week], [Email("e7", TestData.Kim, [TestData.Colleague], "2026-10-09T09:00:00Z")]);

        var only = Assert.Single(cells);
        Assert.Equal(KpiDimension.Tenant, only.Dimension);
        Assert.Equal(0m, only.Values["touchpoints"]);
    }

    [Fact]
    public void Compute_WhenTheReplyFallsAfterThePeriod_StillCountsTheEmailAsReplied()
    {
        var day = KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 5));
        var cells = Compute([day],
        [
            Email("in", TestData.Kim, [TestData.Ava], "2026-10-05T23:00:00Z", "c"),
            Email("out", TestData.Ava, [TestData.Kim], "2026-10-06T01:30:00Z", "c"),
        ]);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", day),
            "emailsReceived=1 emailsSent=0 replyRate=1 responseTimeRepMedianMinutes=150 firstResponseMinutesMedian=150", "reply the next day");
    }

    [Fact]
    public void Compute_WhenTenSamples_TakesNearestRankPercentiles()
    {
        // Ten inbound emails answered after 1..10 minutes: the median is the 5th smallest, p90 the 9th (nearest rank).
        var day = KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 5));
        var emails = Enumerable.Range(1, 10).SelectMany(i => new[]
        {
            Email($"in{i}", TestData.Kim, [TestData.Ava], "2026-10-05T08:00:00Z", $"c{i}"),
            Email($"out{i}", TestData.Ava, [TestData.Kim], $"2026-10-05T08:{i:00}:00Z", $"c{i}"),
        }).ToList();

        var cells = Compute([day], emails);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", day),
            "responseTimeRepMedianMinutes=5 responseTimeRepP90Minutes=9 firstResponseMinutesMedian=5 replyRate=1", "ten samples");
    }

    [Fact]
    public void Compute_WhenARepAndACustomerWriteAtTheSameInstant_NeitherCountsAsTheOthersAnswer()
    {
        var day = KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 5));

        var cells = Compute([day],
        [
            Email("in", TestData.Kim, [TestData.Ava], "2026-10-05T09:00:00Z", "c"),
            Email("out", TestData.Ava, [TestData.Kim], "2026-10-05T09:00:00Z", "c"),
            Email("in2", TestData.Kim, [TestData.Ava], "2026-10-05T09:10:00Z", "c"),
        ]);

        // "in" and "in2" wait for a later rep email that never comes; "out" is answered by "in2" after 10 minutes.
        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", day),
            "replyRate=0 responseTimeRepMedianMinutes=- firstResponseMinutesMedian=- responseTimeCustomerMedianMinutes=10", "same instant");
    }
}
