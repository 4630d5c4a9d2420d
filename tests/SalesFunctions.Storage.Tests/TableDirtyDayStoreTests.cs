using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Storage.Tests;

public sealed class TableDirtyDayStoreTests : StorageTestBase
{
    private static readonly DateOnly Day = new(2026, 10, 5);

    [Fact]
    public async Task ClearAsync_WhenNotMarkedAgain_RemovesTheMark()
    {
        await Store.MarkAsync("tenant-a", [Day, Day.AddDays(1)], CancellationToken.None);
        var listed = await Store.ListAsync(CancellationToken.None);

        Assert.Equal(2, listed.Count);
        Assert.True(await Store.ClearAsync(listed.Single(d => d.Day == Day), CancellationToken.None));
        Assert.Equal([Day.AddDays(1)], (await Store.ListAsync(CancellationToken.None)).Select(d => d.Day));
    }

    [Fact]
    public async Task ClearAsync_WhenMarkedAgainAfterListing_KeepsTheMark()
    {
        // The rollup's correctness rests on this: a mark made while it computed must survive the clear.
        await Store.MarkAsync("tenant-a", [Day], CancellationToken.None);
        var listed = Assert.Single(await Store.ListAsync(CancellationToken.None));
        await Store.MarkAsync("tenant-a", [Day], CancellationToken.None);

        Assert.False(await Store.ClearAsync(listed, CancellationToken.None));
        Assert.Single(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ClearAsync_WhenAlreadyCleared_ReportsSuccess()
    {
        await Store.MarkAsync("tenant-a", [Day], CancellationToken.None);
        var listed = Assert.Single(await Store.ListAsync(CancellationToken.None));

        Assert.True(await Store.ClearAsync(listed, CancellationToken.None));
        Assert.True(await Store.ClearAsync(listed, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_WhenOneTenantIsAsked_ListsOnlyThatTenantsMarks()
    {
        await Store.MarkAsync("tenant-a", [Day], CancellationToken.None);
        await Store.MarkAsync("tenant-ab", [Day, Day.AddDays(1)], CancellationToken.None);

        var listed = await Store.ListAsync("tenant-a", CancellationToken.None);

        Assert.Equal(["tenant-a"], listed.Select(d => d.TenantId));
        Assert.Equal(3, (await Store.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TryLockTenantAsync_WhenHeld_RefusesASecondHolderUntilReleased()
    {
        var locks = Get<IRollupLocks>();

        var first = await locks.TryLockTenantAsync("tenant-a", CancellationToken.None);
        var second = await locks.TryLockTenantAsync("tenant-a", CancellationToken.None);
        var otherTenant = await locks.TryLockTenantAsync("tenant-b", CancellationToken.None);
        await first!.DisposeAsync();
        var afterRelease = await locks.TryLockTenantAsync("tenant-a", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(otherTenant);
        Assert.NotNull(afterRelease);
        await otherTenant.DisposeAsync();
        await afterRelease.DisposeAsync();
    }

    private IDirtyDayStore Store => Get<IDirtyDayStore>();
}
