using System.Text.Json;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

public sealed class KpiCatalogueTests
{
    /// <summary>The names the catalogue promises (docs/kpis.md), in its order.</summary>
    private static readonly string[] Names =
    [
        "emailsSent", "emailsReceived", "meetings", "meetingMinutes", "calls", "touchpoints", "uniqueAccounts", "uniqueContacts", "newAccountsEngaged",
        "replyRate", "responseTimeRepMedianMinutes", "responseTimeRepP90Minutes", "responseTimeCustomerMedianMinutes", "responseTimeCustomerP90Minutes",
        "firstResponseMinutesMedian", "sellingMinutes", "workload", "emailShare", "meetingShare",
        "dealsCreated", "dealsWon", "dealsLost", "winRate", "closeRate", "revenueWon", "averageDealSize", "salesCycleDaysMedian",
        "firstActivityToWonDaysMedian", "pipelineInflow", "pipelineOutflow", "pipelineCoverage", "quotaAttainment", "forecastAccuracy",
        "marketingSourcedShare", "renewalChurnRate", "cac", "customerLifetimeValue", "salesEfficiency",
        "casesOpened", "casesResolved", "resolutionRate", "firstContactResolutionRate", "averageHandleMinutes", "csat",
        "touchpointsPerWonDeal", "meetingsPerWonDeal", "activityToOpportunityConversion", "touchesBeforeWon", "touchesBeforeLost",
        "outsideTerritory", "callMinutes", "callsConnected", "callConnectRate",
    ];

    [Fact]
    public void Definitions_WhenListed_NameExactlyThePromisedKpisAtVersion6()
    {
        Assert.Equal(Names, KpiCatalogue.Definitions.Select(d => d.Name));
        Assert.Equal(("count", "activity"), KpiCatalogue.Definitions.Where(d => d.Name == "outsideTerritory").Select(d => (d.Unit, d.Category)).Single());
        Assert.All(KpiCatalogue.Definitions, d =>
        {
            Assert.Equal(6, d.Version);
            Assert.Contains(d.Category, new[] { "activity", "performance", "service", "linking" });
            Assert.False(string.IsNullOrWhiteSpace(d.Formula) || string.IsNullOrWhiteSpace(d.Unit) || string.IsNullOrWhiteSpace(d.Inputs), d.Name);
        });
    }

    [Fact]
    public void Compute_WhenCellsAreEmitted_EveryCellCarriesExactlyTheDefinedNames()
    {
        var cells = Compute([October], PerformanceKpiTests.Activities, PerformanceKpiTests.Deals, settings: PerformanceKpiTests.Settings);

        Assert.All(cells, c => Assert.Equal(Names, c.Values.Keys));
        Assert.All(cells, c => Assert.Equal(Names, c.Values.Select(v => v.Key)));
        Assert.Contains(cells, c => c.Dimension == KpiDimension.Account);
    }

    [Fact]
    public void Compute_WhenAnyDimensionOrGrain_NeverLeavesAnAlwaysDefinedKpiUndefined()
    {
        // The KPI store omits an always-defined KPI's 0 and reads an absent column back as 0: an undefined one would be lost.
        var periods = Enum.GetValues<KpiGrain>()
            .SelectMany(grain => KpiPeriod.Between(grain, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30))).ToList();

        Activity[] activities =
        [
            .. PerformanceKpiTests.Activities,
            Meeting("m1", TestData.Ava, [TestData.Kim], 30, "2026-10-14T09:00:00Z", territories: ["emea"]),
        ];

        var cells = Compute(periods, activities, PerformanceKpiTests.Deals, settings: PerformanceKpiTests.Settings);

        Assert.Equal(
            ["emailsSent", "emailsReceived", "meetings", "meetingMinutes", "calls", "touchpoints", "uniqueAccounts", "uniqueContacts", "newAccountsEngaged",
             "sellingMinutes", "dealsCreated", "dealsWon", "dealsLost", "revenueWon", "pipelineInflow", "pipelineOutflow", "casesOpened", "casesResolved",
             "outsideTerritory", "callMinutes", "callsConnected"],
            KpiCatalogue.Definitions.Where(d => d.AlwaysDefinedFor.Count > 0).Select(d => d.Name));
        Assert.Equal(Enum.GetValues<KpiDimension>().Order(), cells.Select(c => c.Dimension).Distinct().Order());
        Assert.All(cells, c => Assert.All(KpiCatalogue.Definitions.Where(d => d.AlwaysDefinedFor.Contains(c.Dimension)), d => Assert.NotNull(c.Values[d.Name])));
        // Where a count is not listed as always defined, the engine does leave it undefined: the list is not too short.
        Assert.All(KpiCatalogue.Definitions.Where(d => d.AlwaysDefinedFor.Count > 0), d => Assert.All(
            Enum.GetValues<KpiDimension>().Where(dimension => !d.AlwaysDefinedFor.Contains(dimension)),
            dimension => Assert.Contains(cells, c => c.Dimension == dimension && c.Values[d.Name] is null)));
    }

    [Fact]
    public void Compute_WhenAPeriodIsEmpty_GivesTheTenantAlone_WithZerosAndUndefinedRatios()
    {
        var sunday = KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 11));

        var cells = Compute([sunday], PerformanceKpiTests.Activities, PerformanceKpiTests.Deals);

        var only = Assert.Single(cells, c => c.Period == sunday);
        Assert.Equal((KpiDimension.Tenant, "all"), (only.Dimension, only.Key));
        AssertValues(only.Values,
            "emailsSent=0 touchpoints=0 calls=0 uniqueAccounts=0 newAccountsEngaged=0 sellingMinutes=0 replyRate=- responseTimeRepMedianMinutes=- "
            + "workload=- emailShare=- meetingShare=- dealsWon=0 revenueWon=0 winRate=- averageDealSize=- salesCycleDaysMedian=- pipelineCoverage=- "
            + "quotaAttainment=- forecastAccuracy=- cac=- salesEfficiency=- casesOpened=0 resolutionRate=- csat=- touchpointsPerWonDeal=- "
            + "activityToOpportunityConversion=- touchesBeforeWon=-",
            "empty Sunday");
    }

    [Fact]
    public void Compute_WhenNoInputsAtAll_StillGivesTheTenantOneCellPerPeriod()
    {
        var periods = KpiPeriod.Between(KpiGrain.Week, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)).ToList();

        var cells = Compute(periods);

        Assert.Equal(periods, cells.Select(c => c.Period));
        Assert.All(cells, c => Assert.Equal(KpiDimension.Tenant, c.Dimension));
    }

    [Fact]
    public void Compute_WhenDstEndsInBerlin_DatesEmailsByTheLocalDayOfTheirOwnOffset()
    {
        // Summer time ends at 01:00Z on 25 October 2026: 24 Oct 22:30Z is 25 Oct 00:30 CEST (UTC+2), 25 Oct 22:30Z is
        // 25 Oct 23:30 CET (UTC+1). With the summer offset the second would be Monday 26 Oct, in the next ISO week.
        var activities = new[]
        {
            Email("before", TestData.Kim, [TestData.Ava], "2026-10-24T22:30:00Z"),
            Email("after", TestData.Kim, [TestData.Ava], "2026-10-25T22:30:00Z"),
        };
        var days = KpiPeriod.Between(KpiGrain.Day, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 26)).ToArray();
        var weeks = KpiPeriod.Between(KpiGrain.Week, new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 26)).ToArray();
        var months = new[] { Month(2026, 10), Month(2026, 11) };

        var cells = Compute([.. days, .. weeks, .. months], activities, timeZone: "Europe/Berlin");

        decimal? Received(KpiPeriod period) => Values(cells, KpiDimension.Tenant, "all", period)["emailsReceived"];
        Assert.Equal([0m, 2m, 0m], days.Select(Received));
        Assert.Equal(["2026-W43", "2026-W44"], weeks.Select(w => w.Key));
        Assert.Equal([2m, 0m], weeks.Select(Received));
        Assert.Equal([2m, 0m], months.Select(Received));
        Assert.Single(cells, c => c.Dimension == KpiDimension.Rep && c.Period.Grain == KpiGrain.Day);
    }

    [Fact]
    public void Compute_WhenAnActivityAndADealAppearTwice_CountsEachOnce()
    {
        var once = Compute([October], PerformanceKpiTests.Activities, PerformanceKpiTests.Deals);

        var twice = Compute([October], [.. PerformanceKpiTests.Activities, .. PerformanceKpiTests.Activities],
            [.. PerformanceKpiTests.Deals, .. PerformanceKpiTests.Deals.Select(Copy)]);

        Assert.Equal(Flatten(once), Flatten(twice));
        AssertValues(Values(twice, KpiDimension.Rep, "rep-ava", October), "emailsReceived=1 dealsWon=2", "duplicates");
    }

    [Fact]
    public void Compute_WhenADealIsDeleted_CountsItNowhere()
    {
        var deleted = PerformanceKpiTests.Deals.Where(d => d.IsDeleted).ToList();
        var october = October;

        var cells = Compute([october], deals: deleted);

        var only = Assert.Single(cells);
        AssertValues(only.Values, "dealsCreated=0 dealsWon=0 revenueWon=0 pipelineInflow=0", "deleted deal");
    }

    [Fact]
    public void Compute_WhenADealWonInAPastMonthArrivesLate_ChangesThatMonthsCellsOnly()
    {
        var months = new[] { Month(2026, 9), Month(2026, 10), Month(2026, 11) };
        var late = Deal("late", [Owner("u-ava"), Created("2026-09-02"), .. Won("2026-09-20"), Amount("700")]);

        var before = Compute(months, PerformanceKpiTests.Activities, PerformanceKpiTests.Deals, settings: PerformanceKpiTests.Settings);
        var after = Compute(months, PerformanceKpiTests.Activities, [.. PerformanceKpiTests.Deals, late], settings: PerformanceKpiTests.Settings);

        Assert.Equal(Flatten(before.Where(c => c.Period != months[0])), Flatten(after.Where(c => c.Period != months[0])));
        Assert.NotEqual(Flatten(before.Where(c => c.Period == months[0])), Flatten(after.Where(c => c.Period == months[0])));
        AssertValues(Values(before, KpiDimension.Rep, "rep-ava", months[0]), "dealsCreated=1 dealsWon=0 revenueWon=0", "September before");
        AssertValues(Values(after, KpiDimension.Rep, "rep-ava", months[0]), "dealsCreated=2 dealsWon=1 revenueWon=700 salesCycleDaysMedian=18", "September after");
        AssertValues(Values(after, KpiDimension.Team, "team-a", months[0]), "dealsWon=1 revenueWon=700", "September after, team");
        AssertValues(Values(after, KpiDimension.Tenant, "all", months[0]), "dealsWon=1 revenueWon=700", "September after, tenant");
    }

    [Fact]
    public void Compute_WhenALateWinMakesAnAccountACustomerEarlier_ChangesLaterMonthsOnlyInTheHistoryKpis()
    {
        // New customers (cac) and lifetime value read the year of deals up to a period: with a win in September,
        // Fabrikam's October win is no longer a new or returning customer's, so October has one (Northwind) instead of
        // two, and Fabrikam's USD 700 joins the year's revenue, now spread over two accounts.
        var months = new[] { Month(2026, 9), Month(2026, 10), Month(2026, 11) };
        var late = Deal("late", [Owner("u-ava"), Created("2026-09-02"), .. Won("2026-09-20"), Amount("700"), Account("acc-fabrikam")]);

        var before = Compute(months, PerformanceKpiTests.Activities, PerformanceKpiTests.Deals, settings: PerformanceKpiTests.Settings);
        var after = Compute(months, PerformanceKpiTests.Activities, [.. PerformanceKpiTests.Deals, late], settings: PerformanceKpiTests.Settings);

        Assert.Equal(Flatten(before.Where(c => c.Period != months[0]), HistoryKpi), Flatten(after.Where(c => c.Period != months[0]), HistoryKpi));
        AssertValues(Values(before, KpiDimension.Tenant, "all", months[1]), "cac=900 customerLifetimeValue=3200", "October before");
        AssertValues(Values(after, KpiDimension.Tenant, "all", months[1]), "cac=1800 customerLifetimeValue=1950", "October after");
        AssertValues(Values(after, KpiDimension.Account, "acc-fabrikam", months[0]), "dealsWon=1 revenueWon=700 touchesBeforeWon=0 firstActivityToWonDaysMedian=-", "September");
    }

    [Fact]
    public void Compute_WhenGrainsAreMixed_OrdersCellsByGrainDimensionKeyAndPeriod()
    {
        var periods = new[] { Month(2026, 10), KpiPeriod.Of(KpiGrain.Week, new DateOnly(2026, 10, 5)), Month(2026, 9) };

        var cells = Compute(periods, PerformanceKpiTests.Activities, PerformanceKpiTests.Deals);

        var expected = cells.OrderBy(c => c.Period.Grain).ThenBy(c => c.Dimension).ThenBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Period.Start);
        Assert.Equal(expected, cells);
        Assert.Equal(3, cells.Count(c => c.Dimension == KpiDimension.Tenant));
    }

    [Fact]
    public void Compute_WhenAPeriodIsNotAligned_Throws()
    {
        var wednesdayWeek = new KpiPeriod(KpiGrain.Week, new DateOnly(2026, 10, 7));

        var error = Assert.Throws<ArgumentException>(() => Compute([wednesdayWeek]));

        Assert.Contains("2026-10-05", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_WhenSerialised_WritesTheValuesByName()
    {
        var cell = Compute([October]).Single();

        var json = JsonSerializer.Serialize(cell);

        Assert.Contains("\"Grain\":\"Month\"", json, StringComparison.Ordinal);
        Assert.Contains("\"emailsSent\":0", json, StringComparison.Ordinal);
        Assert.Contains("\"replyRate\":null", json, StringComparison.Ordinal);
    }

    private static bool HistoryKpi(KpiCell cell, string name) =>
        cell.Dimension == KpiDimension.Tenant && name is "customerLifetimeValue" or "cac";

    private static CrmRecord Copy(CrmRecord record) => record.Clone();
}
