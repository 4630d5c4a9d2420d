using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Core.Tests.Kpis;

public sealed class KpiCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 10, 5);

    public static TheoryData<string, Activity[], string, string, DailyKpis> Cases => new()
    {
        { "outbound credits the sender only", [TestData.Email("e1", TestData.Ava, [TestData.Kim], [TestData.Bo])], "rep", "rep-ava", new DailyKpis(1, 0, 0, 0, 1) },
        { "a cc'd rep on outbound gets nothing", [TestData.Email("e1", TestData.Ava, [TestData.Kim], [TestData.Bo])], "rep", "rep-bo", DailyKpis.Zero },
        { "inbound credits To and Cc reps", [TestData.Email("e1", TestData.Kim, [TestData.Ava], [TestData.Cy])], "rep", "rep-cy", new DailyKpis(0, 1, 0, 0, 1) },
        { "a colleague who is no rep counts for nobody", [TestData.Email("e1", TestData.Kim, [TestData.Colleague])], "tenant", "all", DailyKpis.Zero },
        { "one email to two reps of a team is one for the team", [TestData.Email("e1", TestData.Kim, [TestData.Ava, TestData.Bo])], "team", "team-a", new DailyKpis(0, 1, 0, 0, 1) },
        { "team counts distinct accounts", [TestData.Email("e1", TestData.Kim, [TestData.Ava]), TestData.Email("e2", TestData.Lee, [TestData.Bo]), TestData.Email("e3", TestData.Ava, [TestData.Kim])], "team", "team-a", new DailyKpis(1, 2, 0, 0, 2) },
        { "free mail adds no account", [TestData.Email("e1", TestData.FreeMail, [TestData.Ava])], "rep", "rep-ava", new DailyKpis(0, 1, 0, 0, 0) },
        { "meeting credits organizer", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false)], 45)], "rep", "rep-ava", new DailyKpis(0, 0, 1, 45, 1) },
        { "meeting credits an attending rep", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Cy, false)], 45)], "rep", "rep-cy", new DailyKpis(0, 0, 1, 45, 1) },
        { "a declining rep gets no meeting", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Cy, true)], 45)], "rep", "rep-cy", DailyKpis.Zero },
        { "minutes add up per rep", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false)], 30), TestData.Meeting("m2", TestData.Ava, [(TestData.Lee, false)], 60)], "rep", "rep-ava", new DailyKpis(0, 0, 2, 90, 2) },
        { "a meeting of two team reps is one team meeting", [TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Bo, false)], 60)], "team", "team-a", new DailyKpis(0, 0, 1, 60, 1) },
        { "tenant total counts distinct activities", [TestData.Email("e1", TestData.Kim, [TestData.Ava, TestData.Cy]), TestData.Meeting("m1", TestData.Bo, [(TestData.Lee, false), (TestData.Cy, false)], 30)], "tenant", "all", new DailyKpis(0, 1, 1, 30, 2) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForDay_WhenActivitiesGiven_CreditsByTheDocumentedRules(string rule, Activity[] activities, string dimension, string key, DailyKpis expected)
    {
        var rows = KpiCalculator.ForDay(TestData.Directory(), Day, activities);

        var row = rows.SingleOrDefault(r => r.Dimension.ToString().Equals(dimension, StringComparison.OrdinalIgnoreCase) && r.Key == key);
        Assert.True(expected == (row?.Values ?? DailyKpis.Zero), $"{rule}: expected {expected}, got {row?.Values}");
        Assert.All(rows, r => Assert.Equal(Day, r.Day));
    }

    [Fact]
    public void ForDay_WhenNothingCredits_WritesNoRows() =>
        Assert.Empty(KpiCalculator.ForDay(TestData.Directory(), Day, [TestData.Email("e1", TestData.Kim, [TestData.Colleague])]));
}
