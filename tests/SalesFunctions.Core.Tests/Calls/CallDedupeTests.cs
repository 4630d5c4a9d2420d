using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using static SalesFunctions.Core.Tests.Kpis.Catalogue.CatalogueData;

namespace SalesFunctions.Core.Tests.Calls;

/// <summary>One call, one activity: records of different sources within 5 minutes, same rep and party, merge (docs/calls.md).</summary>
public sealed class CallDedupeTests
{
    private const string KimPhone = "+14155550123";
    private static readonly DateTimeOffset Ten = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);

    public static Activity Call(string id, string source, string rep, string party, DateTimeOffset start, int minutes = 0, bool? connected = null, string? phone = null) =>
        new(TestData.Tenant, id, ActivityKind.Call, ActivityDirection.Outbound, start, minutes > 0 ? start.AddMinutes(minutes) : null, null,
            [new Participant(rep, ParticipantRole.Organizer, true), new Participant(party, ParticipantRole.Attendee, false, Phone: phone)])
        { CallSource = source, Connected = connected };

    [Fact]
    public void Merge_WhenTeamsCallAndCrmLogOfTheSameCall_KeepsTheTeamsCallCompletedByTheLog()
    {
        var merged = CallDedupe.Merge([
            Call("crm", "crm:hubspot", TestData.Ava, TestData.Kim, Ten.AddMinutes(3), minutes: 0, connected: true),
            Call("teams", "teams", TestData.Ava, TestData.Kim, Ten, minutes: 12)]);

        var call = Assert.Single(merged);
        Assert.Equal(("teams", 12, (bool?)true), (call.ActivityId, call.DurationMinutes, call.Connected));
    }

    public static TheoryData<string, Activity, int> Pairs => new()
    {
        { "a redial from the same source is a second call", Call("teams-2", "teams", TestData.Ava, TestData.Kim, Ten.AddMinutes(2)), 2 },
        { "another rep's log is another call", Call("crm", "crm:hubspot", TestData.Bo, TestData.Kim, Ten.AddMinutes(1)), 2 },
        { "another party is another call", Call("crm", "crm:hubspot", TestData.Ava, TestData.Lee, Ten.AddMinutes(1)), 2 },
        { "5 minutes apart is the same call", Call("crm", "crm:hubspot", TestData.Ava, TestData.Kim, Ten.AddMinutes(5)), 1 },
        { "5 minutes and 1 second apart is not", Call("crm", "crm:hubspot", TestData.Ava, TestData.Kim, Ten.AddMinutes(5).AddSeconds(1)), 2 },
        { "a log before the call is the same call", Call("crm", "crm:hubspot", TestData.Ava, TestData.Kim, Ten.AddMinutes(-4)), 1 },
        { "a PSTN row of the same call merges too", Call("pstn", "pstn", TestData.Ava, TestData.Kim, Ten.AddSeconds(20)), 1 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Merge_WhenASecondRecordIsNearTheTeamsCall_CountsAsTheRuleSays(string because, Activity second, int expected)
    {
        var merged = CallDedupe.Merge([Call("teams", "teams", TestData.Ava, TestData.Kim, Ten, 10), second]);

        Assert.True(expected == merged.Count, because);
    }

    [Fact]
    public void Merge_WhenOneLogLiesBetweenTwoTeamsCalls_MergesIntoTheNearestAndEachTeamsCallTakesOneLog()
    {
        var merged = CallDedupe.Merge([
            Call("t1", "teams", TestData.Ava, TestData.Kim, Ten),
            Call("t2", "teams", TestData.Ava, TestData.Kim, Ten.AddMinutes(6)),
            Call("log-a", "crm:hubspot", TestData.Ava, TestData.Kim, Ten.AddMinutes(4), connected: false),
            Call("log-b", "crm:hubspot", TestData.Ava, TestData.Kim, Ten.AddMinutes(5), connected: true)]);

        // log-a is 2 minutes from t2 and 4 from t1: t2. log-b is then left with t1 (t2 has a hubspot log already).
        Assert.Equal(["t1", "t2"], merged.Select(c => c.ActivityId).Order());
        Assert.Equal((true, false), (merged.Single(c => c.ActivityId == "t1").Connected, merged.Single(c => c.ActivityId == "t2").Connected));
    }

    [Fact]
    public void Merge_WhenTheLogIsEquallyFarFromTwoCalls_TakesTheEarlierWhateverTheInputOrder()
    {
        Activity[] calls =
        [
            Call("t-late", "teams", TestData.Ava, TestData.Kim, Ten.AddMinutes(6)),
            Call("t-early", "teams", TestData.Ava, TestData.Kim, Ten),
            Call("log", "crm:hubspot", TestData.Ava, TestData.Kim, Ten.AddMinutes(3), connected: true),
        ];

        var forwards = CallDedupe.Merge(calls);
        var backwards = CallDedupe.Merge([.. calls.Reverse()]);

        Assert.Equal(true, forwards.Single(c => c.ActivityId == "t-early").Connected);
        Assert.Equal(forwards.OrderBy(c => c.ActivityId).Select(c => (c.ActivityId, c.Connected)), backwards.OrderBy(c => c.ActivityId).Select(c => (c.ActivityId, c.Connected)));
    }

    [Fact]
    public void Merge_WhenTheTeamsCallKnowsOnlyTheNumberAndTheLogTheContactWithThatNumber_MergesByNumber()
    {
        var merged = CallDedupe.Merge([
            Call("teams", "teams", TestData.Ava, E164Numbers.Key(KimPhone), Ten, 8, phone: KimPhone),
            Call("crm", "crm:dynamics", TestData.Ava, TestData.Kim, Ten.AddMinutes(1), phone: KimPhone)]);

        Assert.Equal("teams", Assert.Single(merged).ActivityId);
    }

    [Fact]
    public void Compute_WhenACallIsInTeamsAndTheCrmAcrossMidnight_CountsItOnceOnTheTeamsDay()
    {
        var late = new DateTimeOffset(2026, 10, 5, 23, 58, 0, TimeSpan.Zero);
        var cells = Compute(
            [KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 5)), KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 6))],
            [Call("teams", "teams", TestData.Ava, TestData.Kim, late, 5), Call("crm", "crm:hubspot", TestData.Ava, TestData.Kim, late.AddMinutes(4), connected: true)]);

        AssertValues(Values(cells, KpiDimension.Rep, "rep-ava", KpiPeriod.Of(KpiGrain.Day, new DateOnly(2026, 10, 5))),
            "calls=1 callMinutes=5 callsConnected=1 callConnectRate=1 touchpoints=1 sellingMinutes=5", "the call counts on the day Teams recorded it");
        Assert.DoesNotContain(cells, c => c.Dimension == KpiDimension.Rep && c.Period.Start == new DateOnly(2026, 10, 6));
    }

    [Fact]
    public void NeighbourDays_WhenACallStartsWithinTheWindowOfMidnight_NamesTheOtherDay()
    {
        var directory = TestData.Directory();

        Assert.Equal([new DateOnly(2026, 10, 6)], CallDedupe.NeighbourDays(directory, Call("c", "teams", TestData.Ava, TestData.Kim, new DateTimeOffset(2026, 10, 5, 23, 57, 0, TimeSpan.Zero))));
        Assert.Empty(CallDedupe.NeighbourDays(directory, Call("c", "teams", TestData.Ava, TestData.Kim, Ten)));
        Assert.Empty(CallDedupe.NeighbourDays(directory, TestData.Email("e", TestData.Ava, [TestData.Kim], at: new DateTimeOffset(2026, 10, 5, 23, 57, 0, TimeSpan.Zero))));
    }
}
