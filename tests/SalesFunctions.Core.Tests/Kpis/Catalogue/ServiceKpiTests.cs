using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

/// <summary>Service KPIs of October 2026, computed by hand from six cases (one deleted).</summary>
public sealed class ServiceKpiTests
{
    private static readonly CrmRecord[] Cases =
    [
        Case("c1", [Owner("u-ava"), Opened("2026-10-01"), Resolved("2026-10-03"), Fcr("true"), Handle("30"), Csat("5"), (CrmFields.AccountId, "acc-northwind")]),
        Case("c2", [Owner("u-ava"), Opened("2026-10-02"), Resolved("2026-10-10"), Fcr("FALSE"), Handle("45"), Csat("3")]),
        Case("c3", [Owner("u-ava"), Opened("2026-10-20")]),
        Case("c4", [Owner("u-cy"), Opened("2026-09-25"), Resolved("2026-10-05"), Csat("4"), (CrmFields.AccountId, "acc-fabrikam")]),
        Case("c5", [Owner("u-ghost"), Opened("2026-10-15"), Resolved("2026-10-16"), Fcr("maybe"), Handle("20")]),
        Case("c6", [Owner("u-ava"), Opened("2026-10-15"), Resolved("2026-10-16"), Fcr("true"), Handle("999"), Csat("1"), (CrmFields.Deleted, "true")]),
    ];

    public static TheoryData<KpiDimension, string, string> Cells => new()
    {
        {
            // c5's "maybe" is no first-contact answer; its handle time still counts.
            KpiDimension.Tenant, KpiDefinitions.TenantTotalKey,
            "casesOpened=4 casesResolved=4 resolutionRate=1 firstContactResolutionRate=0.5 averageHandleMinutes=31.7 csat=4"
        },
        { KpiDimension.Rep, "rep-ava", "casesOpened=3 casesResolved=2 resolutionRate=0.6667 firstContactResolutionRate=0.5 averageHandleMinutes=37.5 csat=4" },
        { KpiDimension.Team, "team-a", "casesOpened=3 casesResolved=2 resolutionRate=0.6667 firstContactResolutionRate=0.5 averageHandleMinutes=37.5 csat=4" },
        {
            // Opened in September, resolved in October: a cell with a resolution and no denominator for the rate.
            KpiDimension.Rep, "rep-cy",
            "casesOpened=0 casesResolved=1 resolutionRate=- firstContactResolutionRate=- averageHandleMinutes=- csat=4 touchpoints=0 workload=0"
        },
        { KpiDimension.Account, "acc-northwind", "casesOpened=1 casesResolved=1 resolutionRate=1 firstContactResolutionRate=1 averageHandleMinutes=30 csat=5" },
        { KpiDimension.Account, "acc-fabrikam", "casesOpened=0 casesResolved=1 resolutionRate=- csat=4" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Compute_WhenAMonthOfCases_GivesTheHandComputedServiceKpis(KpiDimension dimension, string key, string expected)
    {
        var cells = Compute([October], cases: Cases);

        AssertValues(Values(cells, dimension, key, October), expected, $"{dimension} {key}");
    }

    [Fact]
    public void Compute_WhenAllCasesAreDeleted_CountsThemNowhere()
    {
        var cells = Compute([October], cases: [Cases[5]]);

        var only = Assert.Single(cells);
        AssertValues(only.Values, "casesOpened=0 casesResolved=0 resolutionRate=- csat=-", "deleted");
    }

    private static (string, string?) Opened(string day) => (CrmFields.OpenedAt, day + "T08:00:00Z");

    private static (string, string?) Resolved(string day) => (CrmFields.ResolvedAt, day + "T17:00:00Z");

    private static (string, string?) Fcr(string value) => (CrmFields.FirstContactResolution, value);

    private static (string, string?) Handle(string minutes) => (CrmFields.HandleMinutes, minutes);

    private static (string, string?) Csat(string score) => (CrmFields.Csat, score);
}
