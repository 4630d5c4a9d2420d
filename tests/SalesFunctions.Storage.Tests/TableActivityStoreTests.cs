using Azure.Data.Tables;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Storage.Tests;

public sealed class TableActivityStoreTests : StorageTestBase
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Fact]
    public async Task UpsertAsync_WhenSameActivityTwice_StoresOneLosslessRow()
    {
        var activity = Meeting("mt-1", Monday);

        Assert.Null(await Store.UpsertAsync(activity, Monday, CancellationToken.None));
        Assert.Null(await Store.UpsertAsync(activity, Monday, CancellationToken.None));

        var stored = Assert.Single(await ListAsync(Monday));
        Assert.True(activity.SameContentAs(stored));
    }

    [Fact]
    public async Task UpsertAsync_WhenActivityMovesToAnotherDay_ReturnsTheOldDayAndLeavesNoCopyThere()
    {
        var tuesday = Monday.AddDays(1);
        await Store.UpsertAsync(Meeting("mt-1", Monday), Monday, CancellationToken.None);

        var previous = await Store.UpsertAsync(Meeting("mt-1", tuesday), tuesday, CancellationToken.None);
        var again = await Store.UpsertAsync(Meeting("mt-1", tuesday), tuesday, CancellationToken.None);

        Assert.Equal(Monday, previous);
        Assert.Null(again);
        Assert.Empty(await ListAsync(Monday));
        Assert.Single(await ListAsync(tuesday));
    }

    [Fact]
    public async Task ListByDayAsync_WhenTenantsShareADay_ReturnsOnlyTheTenantsOwn()
    {
        await Store.UpsertAsync(Meeting("mt-1", Monday), Monday, CancellationToken.None);
        await Store.UpsertAsync(Meeting("mt-2", Monday) with { TenantId = "tenant-b" }, Monday, CancellationToken.None);

        var stored = Assert.Single(await ListAsync(Monday));

        Assert.Equal("mt-1", stored.ActivityId);
    }

    [Fact]
    public async Task UpsertAsync_WhenIdHasKeyForbiddenCharacters_StoresAndReadsItBack()
    {
        var odd = Meeting("mt/1#?\\x", Monday);

        await Store.UpsertAsync(odd, Monday, CancellationToken.None);

        Assert.Equal("mt/1#?\\x", Assert.Single(await ListAsync(Monday)).ActivityId);
    }

    private IActivityStore Store => Get<IActivityStore>();

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
