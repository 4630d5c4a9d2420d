using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Calls.CallDedupeTests;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Calls;

/// <summary>The call KPIs of 5 October 2026, by hand: Ava 2 calls (12 + 0 min, one connected, one unstated), Bo's call with Lee, Cy's internal call.</summary>
public sealed class CallKpiTests
{
    private static readonly KpiPeriod Day = KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 5));
    private static readonly DateTimeOffset Ten = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_WhenRepsCall_CountsCallsMinutesAndConnectedPerRepTeamAccountAndTenant()
    {
        var cells = Compute([Day],
        [
            Call("a1", "teams", TestData.Ava, TestData.Kim, Ten, 12, connected: true) with { Participants = [new(TestData.Ava, Core.Activities.ParticipantRole.Organizer, true), new(TestData.Kim, Core.Activities.ParticipantRole.Attendee, false, AccountId: "acc-northwind")] },
            Call("a2", "crm:hubspot", TestData.Ava, TestData.Lee, Ten.AddHours(2)),
            Call("b1", "crm:pipedrive", TestData.Bo, TestData.Lee, Ten.AddHours(3), 7, connected: false),
            Call("c1", "teams", TestData.Cy, TestData.Colleague, Ten, 30) with { Participants = [new(TestData.Cy, Core.Activities.ParticipantRole.Organizer, true), new(TestData.Colleague, Core.Activities.ParticipantRole.Attendee, true)] },
        ]);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", Day), "calls=2 callMinutes=12 callsConnected=1 callConnectRate=1 touchpoints=2 sellingMinutes=12 meetingShare=0", "Ava");
        AssertValues(Values(cells, KpiDimension.Rep, "rep-bo", Day), "calls=1 callMinutes=7 callsConnected=0 callConnectRate=0", "Bo");
        AssertValues(Values(cells, KpiDimension.Team, "team-a", Day), "calls=3 callMinutes=19 callsConnected=1 callConnectRate=0.5", "team-a");
        AssertValues(Values(cells, KpiDimension.Account, "acc-northwind", Day), "calls=1 callMinutes=12", "Northwind");
        AssertValues(Values(cells, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, Day), "calls=3", "Cy's call with a colleague is internal: it counts for no one");
        Assert.DoesNotContain(cells, c => c.Key == "rep-cy");
    }
}
