using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

public sealed class ActivityCreditsTests
{
    private static readonly DateOnly Day = new(2026, 10, 5);

    public static TheoryData<string, Activity[], string, string, DayKpis> Cases => new()
    {
        { "outbound credits the sender only", [TestData.Email("e1", TestData.Ava, [TestData.Kim], [TestData.Bo])], "rep", "rep-ava", new DayKpis(1, 0, 0, 0, 1) },
        { "a cc'd rep on outbound gets nothing", [TestData.Email("e1", TestData.Ava, [TestData.Kim], [TestData.Bo])], "rep", "rep-bo", DayKpis.Zero },
        { "inbound credits To and Cc reps", [TestData.Email("e1", TestData.Kim, [TestData.Ava], [TestData.Cy])], "rep", "rep-cy", new DayKpis(0, 1, 0, 0, 1) },
        { "a colleague who is no rep counts for nobody", [TestData.Email("e1", TestData.Kim, [TestData.Colleague])], "tenant", "all", DayKpis.Zero },
        { "one email to two reps of a team is one for the team", [TestData.Email("e1", TestData.Kim, [TestData.Ava, TestData.Bo])], "team", "team-a", new DayKpis(0, 1, 0, 0, 1) },
        { "team counts distinct accounts", [TestData.Email("e1", TestData.Kim, [TestData.Ava]), TestData.Email("e2", TestData.Lee, [TestData.Bo]), TestData.Email("e3", TestData.Ava, [TestData.Kim])], "team", "team-a", new DayKpis(1, 2, 0, 0, 2) },
        { "free mail adds no account", [TestData.Email("e1", TestData.FreeMail, [TestData.Ava])], "rep", "rep-ava", new DayKpis(0, 1, 0, 0, 0) },
        { "meeting credits organizer", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false)], 45)], "rep", "rep-ava", new DayKpis(0, 0, 1, 45, 1) },
        { "meeting credits an attending rep", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Cy, false)], 45)], "rep", "rep-cy", new DayKpis(0, 0, 1, 45, 1) },
        { "a declining rep gets no meeting", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Cy, true)], 45)], "rep", "rep-cy", DayKpis.Zero },
        { "minutes add up per rep", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false)], 30), TestData.Meeting("m2", TestData.Ava, [(TestData.Lee, false)], 60)], "rep", "rep-ava", new DayKpis(0, 0, 2, 90, 2) },
        { "a meeting of two team reps is one team meeting", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Bo, false)], 60)], "team", "team-a", new DayKpis(0, 0, 1, 60, 1) },
        { "tenant total counts distinct activities", [TestData.Email("e1", TestData.Kim, [TestData.Ava, TestData.Cy]), TestData.Meeting("m1", TestData.Bo, [(TestData.Lee, false), (TestData.Cy, false)], 30)], "tenant", "all", new DayKpis(0, 1, 1, 30, 2) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Credits_WhenActivitiesGiven_CountForTheEntitiesTheDocumentedRulesName(string rule, Activity[] activities, string dimension, string key, DayKpis expected)
    {
        var cells = DayCells(activities);

        var cell = cells.SingleOrDefault(c => c.Dimension.ToString().Equals(dimension, StringComparison.OrdinalIgnoreCase) && c.Key == key);
        Assert.True(expected == DayKpis.Of(cell?.Values), $"{rule}: expected {expected}, got {DayKpis.Of(cell?.Values)}");
    }

    [Fact]
    public void Credits_WhenNothingCredits_GivesOnlyTheEmptyTenantTotal()
    {
        var cells = DayCells([TestData.Email("e1", TestData.Kim, [TestData.Colleague])]);

        var tenant = Assert.Single(cells);
        Assert.Equal(KpiDimension.Tenant, tenant.Dimension);
        Assert.Equal(DayKpis.Zero, DayKpis.Of(tenant.Values));
    }

    private static IReadOnlyList<KpiCell> DayCells(Activity[] activities) =>
        KpiCatalogue.Compute(new KpiInputs(TestData.Directory(), activities, [], [], new CrmOptions(), new KpiSettings()), [new KpiPeriod(KpiGrain.Day, Day)]);
}
