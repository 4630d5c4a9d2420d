using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

/// <summary>
/// Performance and linking KPIs of October 2026 (UTC tenant, reporting in USD, EUR at 1.1, no JPY rate), computed by
/// hand. Northwind's first activity is 1 June (outside the 90-day touch window of its October wins); Fabrikam's is
/// 10 October.
/// </summary>
public sealed class PerformanceKpiTests
{
    internal static readonly Activity[] Activities =
    [
        Email("a4", TestData.Ava, [TestData.Kim], "2026-06-01T10:00:00Z"),
        Email("a1", TestData.Ava, [TestData.Kim], "2026-09-20T10:00:00Z"),
        Email("a2", TestData.Kim, [TestData.Ava], "2026-10-01T10:00:00Z"),
        Email("a3", TestData.Lee, [TestData.Cy], "2026-10-10T10:00:00Z"),
    ];

    internal static readonly CrmRecord[] Deals =
    [
        Deal("d1", [Owner("u-ava"), Created("2026-09-10"), .. Won("2026-10-06"), Amount("1000"), Account("acc-northwind"), (CrmFields.Source, "Marketing"), (CrmFields.Pipeline, "new")]),
        Deal("d2", [Owner("u-ava"), Created("2026-10-01"), .. Won("2026-10-20"), Amount("2000"), (CrmFields.Currency, "EUR"), Account("acc-northwind"), (CrmFields.Source, "partner")]),
        Deal("d3", [Owner("u-ava"), Created("2026-10-02"), .. Lost("2026-10-15"), Amount("500"), Account("acc-fabrikam"), (CrmFields.Pipeline, "Renewal")]),
        Deal("d4", [Owner("u-cy"), Created("2026-10-03"), Open(), Amount("3000"), (CrmFields.CloseDate, "2026-10-30"), Account("acc-fabrikam"), (CrmFields.Source, " marketing ")]),
        Deal("d5", [Owner("u-cy"), Created("2026-10-05"), .. Won("2026-10-25"), Amount("100000"), (CrmFields.Currency, "JPY"), Account("acc-fabrikam"), (CrmFields.Pipeline, "renewal")]),
        Deal("d6", [Owner("u-ghost"), Created("2026-10-07"), .. Won("2026-10-08"), Amount("400")]),
        Deal("d7", [Owner("u-ava"), Created("2026-10-01"), .. Won("2026-10-02"), Amount("9999"), Account("acc-northwind"), (CrmFields.Deleted, "true")]),
        Deal("d8", [Owner("u-ava"), Created("2026-10-10"), Open(), Amount("800"), (CrmFields.CloseDate, "2026-11-15"), Account("acc-northwind")]),
    ];

    internal static readonly KpiSettings Settings = new()
    {
        Quotas = [new Quota(KpiDimension.Rep, "rep-ava", October, 4000m), new Quota(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, October, 10000m)],
        Forecasts = [new Forecast(KpiDimension.Rep, "rep-ava", October, 3000m), new Forecast(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, October, 5000m)],
        Spend = [new Spend(October, 1800m)],
    };

    public static TheoryData<KpiDimension, string, string> Cells => new()
    {
        {
            // d2 is EUR 2000 = USD 2200; d5 (JPY, no rate) counts as a deal but adds no money; d6 has no rep; d7 is deleted.
            KpiDimension.Tenant, KpiDefinitions.TenantTotalKey,
            "dealsCreated=6 dealsWon=4 dealsLost=1 winRate=0.8 closeRate=0.5 revenueWon=3600 averageDealSize=1200 salesCycleDaysMedian=19 "
            + "firstActivityToWonDaysMedian=127 pipelineInflow=6900 pipelineOutflow=4100 pipelineCoverage=0.3 quotaAttainment=0.36 forecastAccuracy=0.6111 "
            + "marketingSourcedShare=0.1667 renewalChurnRate=0.5 cac=900 customerLifetimeValue=3200 salesEfficiency=2 "
            + "touchpointsPerWonDeal=0.5 meetingsPerWonDeal=0 activityToOpportunityConversion=1 touchesBeforeWon=1.6667 touchesBeforeLost=1"
        },
        {
            KpiDimension.Rep, "rep-ava",
            "dealsCreated=3 dealsWon=2 dealsLost=1 winRate=0.6667 closeRate=0.3333 revenueWon=3200 averageDealSize=1600 salesCycleDaysMedian=19 "
            + "firstActivityToWonDaysMedian=127 pipelineInflow=3500 pipelineOutflow=3700 pipelineCoverage=0 quotaAttainment=0.8 forecastAccuracy=0.9375 "
            + "marketingSourcedShare=0 renewalChurnRate=1 cac=- customerLifetimeValue=- salesEfficiency=- "
            + "touchpointsPerWonDeal=0.5 meetingsPerWonDeal=0 activityToOpportunityConversion=1 touchesBeforeWon=2 touchesBeforeLost=1"
        },
        {
            KpiDimension.Team, "team-a",
            "dealsCreated=3 dealsWon=2 dealsLost=1 revenueWon=3200 pipelineCoverage=- quotaAttainment=- forecastAccuracy=- touchesBeforeWon=2"
        },
        {
            KpiDimension.Rep, "rep-cy",
            "dealsCreated=2 dealsWon=1 dealsLost=0 winRate=1 closeRate=0.5 revenueWon=0 averageDealSize=- salesCycleDaysMedian=20 "
            + "firstActivityToWonDaysMedian=15 pipelineInflow=3000 pipelineOutflow=0 pipelineCoverage=- quotaAttainment=- forecastAccuracy=- "
            + "marketingSourcedShare=0.5 renewalChurnRate=0 cac=- customerLifetimeValue=- salesEfficiency=- "
            + "touchpointsPerWonDeal=1 meetingsPerWonDeal=0 activityToOpportunityConversion=1 touchesBeforeWon=1 touchesBeforeLost=-"
        },
        {
            KpiDimension.Account, "acc-northwind",
            "dealsCreated=2 dealsWon=2 dealsLost=0 winRate=1 closeRate=0.5 revenueWon=3200 averageDealSize=1600 salesCycleDaysMedian=19 "
            + "firstActivityToWonDaysMedian=127 pipelineInflow=3000 pipelineOutflow=3200 pipelineCoverage=- marketingSourcedShare=0 renewalChurnRate=- "
            + "touchpointsPerWonDeal=0.5 meetingsPerWonDeal=0 activityToOpportunityConversion=1 touchesBeforeWon=2 touchesBeforeLost=-"
        },
        {
            KpiDimension.Account, "acc-fabrikam",
            "dealsCreated=3 dealsWon=1 dealsLost=1 winRate=0.5 closeRate=0.3333 revenueWon=0 averageDealSize=- salesCycleDaysMedian=20 "
            + "firstActivityToWonDaysMedian=15 pipelineInflow=3500 pipelineOutflow=500 marketingSourcedShare=0.3333 renewalChurnRate=0.5 "
            + "touchpointsPerWonDeal=1 activityToOpportunityConversion=1 touchesBeforeWon=1 touchesBeforeLost=1"
        },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Compute_WhenAMonthOfDeals_GivesTheHandComputedPerformanceAndLinkingKpis(KpiDimension dimension, string key, string expected)
    {
        var cells = Compute([October], Activities, Deals, settings: Settings);

        AssertValues(Values(cells, dimension, key, October), expected, $"{dimension} {key}");
    }

    [Fact]
    public void Compute_WhenADealHasNoRep_CountsItForTheTenantOnly()
    {
        var cells = Compute([October], deals: [Deals[5]]);

        var only = Assert.Single(cells);
        AssertValues(only.Values, "dealsCreated=1 dealsWon=1 revenueWon=400 averageDealSize=400 salesCycleDaysMedian=1", "tenant");
    }

    [Fact]
    public void Compute_WhenAForecastMissesByMoreThanTheActual_ClampsAccuracyAtZero()
    {
        var settings = new KpiSettings { Forecasts = [new Forecast(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, October, 1000m)] };

        var cells = Compute([October], deals: [Deals[5]], settings: settings);

        AssertValues(Values(cells, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, October), "revenueWon=400 forecastAccuracy=0", "forecast 1000, actual 400");
    }

    [Fact]
    public void Compute_WhenTheQuarterIsAsked_CoversTheOpenDealsDueInIt()
    {
        var quarter = KpiPeriod.Of(KpiGrain.Quarter, new DateOnly(2026, 11, 15));
        var settings = new KpiSettings { Quotas = [new Quota(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, quarter, 19000m)] };

        var cells = Compute([quarter], Activities, Deals, settings: settings);

        // Open d4 (3000, due 30 Oct) and d8 (800, due 15 Nov) over a quota of 19000; spend is booked for October only.
        AssertValues(Values(cells, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, quarter),
            "dealsWon=4 revenueWon=3600 pipelineCoverage=0.2 quotaAttainment=0.1895 cac=- salesEfficiency=-", "Q4");
    }
}
