using Azure.Data.Tables;
using SalesFunctions.Core.Kpis;

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

    private IRollupStatusStore Store => Get<IRollupStatusStore>();
}
