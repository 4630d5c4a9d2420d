using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

/// <summary>
/// outsideTerritory on Monday 5 October 2026, computed by hand: o1 (Kim → Ava and Bo) has Bo outside; o2 (Ava → Kim)
/// Ava; o3 (Lee → Cy) names Ava, who is not credited on it; the meeting o4 (Cy with Bo and Lee) has Bo and Cy outside;
/// o5 names a rep id the directory does not know; o6 reaches no rep at all.
/// </summary>
public sealed class OutsideTerritoryTests
{
    private static readonly KpiPeriod Monday = KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 5));

    private static readonly Activity[] Activities =
    [
        Email("o1", TestData.Kim, [TestData.Ava, TestData.Bo], "2026-10-05T09:00:00Z", territories: ["global"]) with { RepsOutsideTerritory = ["rep-bo"] },
        Email("o2", TestData.Ava, [TestData.Kim], "2026-10-05T10:00:00Z") with { RepsOutsideTerritory = ["rep-ava"] },
        Email("o3", TestData.Lee, [TestData.Cy], "2026-10-05T11:00:00Z") with { RepsOutsideTerritory = ["rep-ava"] },
        Meeting("o4", TestData.Cy, [TestData.Bo, TestData.Lee], 30, "2026-10-05T14:00:00Z") with { RepsOutsideTerritory = ["rep-bo", "rep-cy"] },
        Email("o5", TestData.Kim, [TestData.Ava], "2026-10-05T15:00:00Z") with { RepsOutsideTerritory = ["rep-gone"] },
        Email("o6", TestData.Kim, [TestData.Colleague], "2026-10-05T16:00:00Z") with { RepsOutsideTerritory = ["rep-ava"] },
    ];

    public static TheoryData<KpiDimension, string, string> Cells => new()
    {
        { KpiDimension.Rep, "rep-ava", "outsideTerritory=1 touchpoints=3" },
        { KpiDimension.Rep, "rep-bo", "outsideTerritory=2 touchpoints=2" },
        { KpiDimension.Rep, "rep-cy", "outsideTerritory=1 touchpoints=2" },

        // o1, o2 and o4 once each, although o1 and o4 have a rep of team-a on them twice over.
        { KpiDimension.Team, "team-a", "outsideTerritory=3 touchpoints=4" },
        { KpiDimension.Team, "team-b", "outsideTerritory=1 touchpoints=2" },
        { KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, "outsideTerritory=3 touchpoints=5" },

        // Territories and accounts are where the rep works, not who: the KPI does not apply to them.
        { KpiDimension.Territory, "global", "outsideTerritory=- touchpoints=1" },
        { KpiDimension.Account, "acc-northwind", "outsideTerritory=- touchpoints=3" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Compute_WhenCreditedRepsWorkOutsideTheirTerritories_CountsTheEntitysActivitiesOnce(KpiDimension dimension, string key, string expected)
    {
        var cells = Compute([Monday], Activities);

        AssertValues(Values(cells, dimension, key, Monday), expected, $"{dimension} {key}");
    }
}
