using Azure.Data.Tables;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Storage.Tests;

public sealed class TableRollupStatusStoreTests : StorageTestBase
{
    [Fact]
    public async Task GetCatalogueStampsAsync_WhenStampsSavedAndReplaced_ListsTheLatestOfEveryTenant()
    {
        await Store.SaveCatalogueStampAsync("tenant-a", new CatalogueStamp(4, "aaaa", 1), CancellationToken.None);
        await Store.SaveCatalogueStampAsync("tenant-b", new CatalogueStamp(5, "bbbb", 2), CancellationToken.None);
        await Store.SaveCatalogueStampAsync("tenant-a", new CatalogueStamp(5, "cccc", 2), CancellationToken.None);

        var stamps = await Store.GetCatalogueStampsAsync(CancellationToken.None);

        Assert.Equal(
            new Dictionary<string, CatalogueStamp> { ["tenant-a"] = new(5, "cccc", 2), ["tenant-b"] = new(5, "bbbb", 2) },
            stamps.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public async Task GetCatalogueStampsAsync_WhenARowPredatesTheSettingsFingerprint_ReadsItWithNoSettingsAndTheFirstLayout()
    {
        // The row as versions before the fingerprint wrote it: the tenant id as row key, a version and nothing else.
        var table = Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().Table(StorageNames.RollupStatus));
        await table.UpsertEntityAsync(new TableEntity("catalogue", "tenant-a") { ["Version"] = 5 });

        var stamp = Assert.Single(await Store.GetCatalogueStampsAsync(CancellationToken.None));

        Assert.Equal(("tenant-a", new CatalogueStamp(5, null, 1)), (stamp.Key, stamp.Value));
    }

    [Fact]
    public async Task GetLastAsync_WhenSaved_ReadsTheRunBack()
    {
        var run = new RollupRun(new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 1, 6, 0, 3, TimeSpan.Zero), 4, 120, 1);

        await Store.SaveAsync(run, CancellationToken.None);

        Assert.Equal(run, await Store.GetLastAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetLastAsync_WhenTheRowHasTheColumnsBeforeTheRename_ReadsCellsAsDirtyDaysAndRowsAsCellsWritten()
    {
        // The row as versions before DirtyDays and CellsWritten wrote it.
        var table = Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().Table(StorageNames.RollupStatus));
        var (started, completed) = (new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 1, 6, 0, 3, TimeSpan.Zero));
        await table.UpsertEntityAsync(new TableEntity("rollup", "last")
        {
            ["StartedAt"] = started, ["CompletedAt"] = completed, ["Cells"] = 4, ["Rows"] = 120, ["StillDirty"] = 1,
        });

        Assert.Equal(new RollupRun(started, completed, DirtyDays: 4, CellsWritten: 120, StillDirty: 1), await Store.GetLastAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ListFailuresAsync_WhenSavedReplacedDeletedAndCleared_ListsWhatIsLeft()
    {
        var at = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        await Store.SaveFailureAsync(new RollupFailure("tenant-a", "dirty day 0001-01-01", "ArgumentOutOfRangeException: old", at), CancellationToken.None);
        await Store.SaveFailureAsync(new RollupFailure("tenant-a", "dirty day 0001-01-01", "ArgumentOutOfRangeException: new", at), CancellationToken.None);
        await Store.SaveFailureAsync(new RollupFailure("tenant-a", "tenant", "RequestFailedException: down", at), CancellationToken.None);
        await Store.SaveFailureAsync(new RollupFailure("tenant-b", "KPI targets", "InvalidDataException: x", at), CancellationToken.None);
        var saved = await Store.ListFailuresAsync(CancellationToken.None);

        await Store.DeleteFailureAsync("tenant-a", "tenant", CancellationToken.None);
        var deleted = await Store.ListFailuresAsync(CancellationToken.None);
        await Store.ClearFailuresAsync("tenant-a", CancellationToken.None);

        Assert.Equal(3, saved.Count);
        Assert.Contains(new RollupFailure("tenant-a", "dirty day 0001-01-01", "ArgumentOutOfRangeException: new", at), saved);
        Assert.Equal(2, deleted.Count);
        Assert.Equal([new RollupFailure("tenant-b", "KPI targets", "InvalidDataException: x", at)], await Store.ListFailuresAsync(CancellationToken.None));
    }

    private IRollupStatusStore Store => Get<IRollupStatusStore>();
}
