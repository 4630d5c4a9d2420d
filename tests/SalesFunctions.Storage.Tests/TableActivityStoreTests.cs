using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Storage.Tests;

public sealed class TableActivityStoreTests : StorageTestBase
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Fact]
    public async Task WriteAsync_WhenSameContentWasCommitted_IsUnchangedAndStoresOneLosslessRow()
    {
        var activity = Meeting("mt-1", Monday) with { Subject = "Renewal", Sensitivity = "normal" };

        Assert.Equal(new ActivityWrite(true, null), await WriteAndCommitAsync(activity, Monday));
        Assert.Equal(ActivityWrite.Unchanged, await WriteAndCommitAsync(activity, Monday));

        var stored = Assert.Single(await ListAsync(Monday));
        Assert.True(activity.SameContentAs(stored));
    }

    [Fact]
    public async Task WriteAsync_WhenAMessageHasHundredsOfRecipients_StoresThemAllAndShrinksBackToOneProperty()
    {
        var start = new DateTimeOffset(Monday.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
        var recipients = Enumerable.Range(0, 600)
            .Select(i => new Participant($"recipient.with.a.long.name.{i:D4}@customer-{i % 40}.example", ParticipantRole.To, false, AccountId: $"acc-{i % 40}"));
        var mass = new Activity("tenant-a", "em-mass", ActivityKind.Email, ActivityDirection.Outbound, start, null, "conv",
            [new Participant("ava@contoso-sales.example", ParticipantRole.From, true), .. recipients]);

        Assert.True((await WriteAndCommitAsync(mass, Monday)).Changed);
        var stored = Assert.Single(await ListAsync(Monday));
        Assert.Equal(601, stored.Participants.Count);
        Assert.True(mass.SameContentAs(stored));
        Assert.Equal(ActivityWrite.Unchanged, await WriteAndCommitAsync(mass, Monday));

        var few = mass with { Participants = mass.Participants.Take(3).ToList() };
        Assert.True((await WriteAndCommitAsync(few, Monday)).Changed);
        Assert.Equal(3, Assert.Single(await ListAsync(Monday)).Participants.Count);
    }

    [Fact]
    public async Task WriteAsync_WhenTerritoriesAreStampedOrCleared_WritesAndReadsThemBack()
    {
        var plain = Meeting("mt-1", Monday);
        var stamped = plain with { Territories = ["emea", "global"], RepsOutsideTerritory = ["rep-ava"] };
        await WriteAndCommitAsync(plain, Monday);

        Assert.True((await WriteAndCommitAsync(stamped, Monday)).Changed);
        var stored = Assert.Single(await ListAsync(Monday));
        Assert.Equal(["emea", "global"], stored.Territories);
        Assert.Equal(["rep-ava"], stored.RepsOutsideTerritory);
        Assert.Equal(ActivityWrite.Unchanged, await WriteAndCommitAsync(stamped, Monday));

        // A re-territory that leaves it in no territory at all must clear the old stamp, not keep it.
        Assert.True((await WriteAndCommitAsync(plain, Monday)).Changed);
        Assert.Empty(Assert.Single(await ListAsync(Monday)).Territories);
    }

    [Fact]
    public async Task WriteAsync_WhenWrittenButNeverCommitted_WritesAgain()
    {
        // A crash between the write and the commit: the redelivered message must write and mark its day again.
        var activity = Meeting("mt-1", Monday);
        await Store.WriteAsync(activity, Monday, CancellationToken.None);

        Assert.True((await Store.WriteAsync(activity, Monday, CancellationToken.None)).Changed);
    }

    [Fact]
    public async Task WriteAsync_WhenContentChangesOnTheSameDay_Writes()
    {
        await WriteAndCommitAsync(Meeting("mt-1", Monday), Monday);
        var declined = Meeting("mt-1", Monday) with { Participants = [Meeting("mt-1", Monday).Participants[0], Meeting("mt-1", Monday).Participants[1] with { Declined = true }] };

        Assert.Equal(new ActivityWrite(true, null), await WriteAndCommitAsync(declined, Monday));
        Assert.True(Assert.Single(await ListAsync(Monday)).Participants[1].Declined);
    }

    [Fact]
    public async Task WriteAsync_WhenActivityMovesToAnotherDay_ReportsTheOldDayAndLeavesNoCopyThere()
    {
        var tuesday = Monday.AddDays(1);
        await WriteAndCommitAsync(Meeting("mt-1", Monday), Monday);

        var moved = await WriteAndCommitAsync(Meeting("mt-1", tuesday), tuesday);
        var again = await WriteAndCommitAsync(Meeting("mt-1", tuesday), tuesday);

        Assert.Equal(new ActivityWrite(true, Monday), moved);
        Assert.Equal(ActivityWrite.Unchanged, again);
        Assert.Empty(await ListAsync(Monday));
        Assert.Single(await ListAsync(tuesday));
    }

    [Fact]
    public async Task ListByDayAsync_WhenTenantsShareADay_ReturnsOnlyTheTenantsOwn()
    {
        await WriteAndCommitAsync(Meeting("mt-1", Monday), Monday);
        await WriteAndCommitAsync(Meeting("mt-2", Monday) with { TenantId = "tenant-b" }, Monday);

        var stored = Assert.Single(await ListAsync(Monday));

        Assert.Equal("mt-1", stored.ActivityId);
    }

    [Fact]
    public async Task ListAllAsync_WhenTenantsHaveSeveralDays_ReturnsEveryDayOfTheTenantOnly()
    {
        await WriteAndCommitAsync(Meeting("mt-1", Monday), Monday);
        await WriteAndCommitAsync(Meeting("mt-2", Monday.AddDays(40)), Monday.AddDays(40));
        await WriteAndCommitAsync(Meeting("mt-3", Monday) with { TenantId = "tenant-a2" }, Monday);
        await WriteAndCommitAsync(Meeting("mt-4", Monday) with { TenantId = "tenant" }, Monday);

        var all = await Store.ListAllAsync("tenant-a", CancellationToken.None).ToListAsync();

        Assert.Equal([("mt-1", Monday), ("mt-2", Monday.AddDays(40))], all.Select(s => (s.Activity.ActivityId, s.Day)).Order().ToList());
    }

    [Fact]
    public async Task DeleteAsync_WhenStored_RemovesRowAndIndexSoTheSameContentIsWrittenAgain()
    {
        var activity = Meeting("mt-1", Monday);
        await WriteAndCommitAsync(activity, Monday);

        await Store.DeleteAsync("tenant-a", "mt-1", Monday, CancellationToken.None);
        await Store.DeleteAsync("tenant-a", "mt-1", Monday, CancellationToken.None);

        Assert.Empty(await ListAsync(Monday));
        Assert.True((await Store.WriteAsync(activity, Monday, CancellationToken.None)).Changed);
    }

    [Fact]
    public async Task WriteAsync_WhenIdHasKeyForbiddenCharacters_StoresAndReadsItBack()
    {
        var odd = Meeting("mt/1#?\\x", Monday);

        await WriteAndCommitAsync(odd, Monday);

        Assert.Equal("mt/1#?\\x", Assert.Single(await ListAsync(Monday)).ActivityId);
    }

    [Fact]
    public async Task ImportAsync_WhenAPartitionHoldsMoreThanOneTransaction_StoresWhatWriteAndCommitWouldStore()
    {
        var tuesday = Monday.AddDays(1);
        var activities = Enumerable.Range(0, 250).Select(i => (Meeting($"mt-{i}", Monday), Monday))
            .Concat(Enumerable.Range(250, 30).Select(i => (Meeting($"mt-{i}", tuesday) with { Territories = ["emea"] }, tuesday)))
            .ToList();

        await ((TableActivityStore)Store).ImportAsync(activities, CancellationToken.None);

        var stored = await Store.ListBetweenAsync("tenant-a", Monday, tuesday, CancellationToken.None).ToListAsync();
        Assert.Equal(activities.Select(a => (a.Item1.ActivityId, a.Item2)).Order(), stored.Select(s => (s.Activity.ActivityId, s.Day)).Order());
        Assert.True(activities[260].Item1.SameContentAs(stored.Single(s => s.Activity.ActivityId == "mt-260").Activity));
        Assert.Equal(tuesday, await Store.FindDayAsync("tenant-a", "mt-260", CancellationToken.None));

        // The index entries carry the content hash CommitAsync would: the pipeline sees imported activities as stored.
        Assert.Equal(ActivityWrite.Unchanged, await Store.WriteAsync(activities[7].Item1, Monday, CancellationToken.None));
        Assert.Equal(ActivityWrite.Unchanged, await Store.WriteAsync(activities[260].Item1, tuesday, CancellationToken.None));
    }

    [Fact]
    public async Task ListBetweenAsync_WhenTheRangeSpansMoreQueriesThanRunAhead_YieldsEveryDayOnceInDayOrderAndNothingOutside()
    {
        // Activities every third day over 70 days: more week-long queries than run ahead, some of them empty at the ends.
        var days = Enumerable.Range(0, 70).Where(d => d % 3 == 0).Select(d => Monday.AddDays(d)).ToList();
        await ((TableActivityStore)Store).ImportAsync([.. days.Select((d, i) => (Meeting($"mt-{i}", d), d))], CancellationToken.None);
        var from = Monday.AddDays(1);
        var to = Monday.AddDays(66);
        Assert.True((to.DayNumber - from.DayNumber + 1) / TableActivityStore.ReadSpanDays > TableActivityStore.ReadAhead);

        var stored = await Store.ListBetweenAsync("tenant-a", from, to, CancellationToken.None).ToListAsync();

        Assert.Equal(days.Where(d => d >= from && d <= to), stored.Select(s => s.Day));
    }

    private IActivityStore Store => Get<IActivityStore>();

    private async Task<ActivityWrite> WriteAndCommitAsync(Activity activity, DateOnly day)
    {
        var write = await Store.WriteAsync(activity, day, CancellationToken.None);
        if (write.Changed)
        {
            await Store.CommitAsync(activity, day, CancellationToken.None);
        }

        return write;
    }

    private async Task<List<Activity>> ListAsync(DateOnly day) =>
        await Store.ListByDayAsync("tenant-a", day, CancellationToken.None).ToListAsync();

    private static Activity Meeting(string id, DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
        return new Activity("tenant-a", id, ActivityKind.Meeting, ActivityDirection.Outbound, start, start.AddMinutes(45), null,
        [
            new Participant("ava@contoso-sales.example", ParticipantRole.Organizer, true),
            new Participant("kim@northwind.example", ParticipantRole.Attendee, false, AccountId: "acc-1"),
            new Participant("bo@contoso-sales.example", ParticipantRole.Attendee, true, Declined: true),
        ]);
    }
}
