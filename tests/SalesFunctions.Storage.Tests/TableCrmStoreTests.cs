using SalesFunctions.Core.Crm;

namespace SalesFunctions.Storage.Tests;

public sealed class TableCrmStoreTests : StorageTestBase
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_WhenSomeoneSavedSinceTheRead_RefusesAndKeepsTheirVersion()
    {
        var record = Deal("d/1?#", ("amount", "100"));
        Assert.True(await Store.SaveAsync(record, null, CancellationToken.None));
        var (first, etag) = (await Store.GetAsync("tenant-a", CrmEntityKind.Deal, "crm-1", "d/1?#", CancellationToken.None))!.Value;
        var second = (await Store.GetAsync("tenant-a", CrmEntityKind.Deal, "crm-1", "d/1?#", CancellationToken.None))!.Value;

        first.Apply(Change("d/1?#", T0.AddHours(1), ("amount", "200")));
        second.Record.Apply(Change("d/1?#", T0.AddHours(2), ("status", "won")));

        Assert.True(await Store.SaveAsync(first, etag, CancellationToken.None));
        Assert.False(await Store.SaveAsync(second.Record, second.ETag, CancellationToken.None));
        Assert.False(await Store.SaveAsync(Deal("d/1?#"), null, CancellationToken.None));
        var stored = (await Store.GetAsync("tenant-a", CrmEntityKind.Deal, "crm-1", "d/1?#", CancellationToken.None))!.Value.Record;
        Assert.Equal(("200", null), (stored["amount"], stored["status"]));
        Assert.Equal(T0.AddHours(1), stored.Fields["amount"].Version);
    }

    [Fact]
    public async Task ListAsync_WhenKindsAndTenantsMix_ReturnsOneTenantsKindOnly()
    {
        await Store.SaveAsync(Deal("d1"), null, CancellationToken.None);
        await Store.SaveAsync(Deal("d2"), null, CancellationToken.None);
        await Store.SaveAsync(new CrmRecord("tenant-a", "crm-1", CrmEntityKind.Case, "c1"), null, CancellationToken.None);
        await Store.SaveAsync(new CrmRecord("tenant-b", "crm-1", CrmEntityKind.Deal, "d3"), null, CancellationToken.None);

        var deals = await Store.ListAsync("tenant-a", CrmEntityKind.Deal, CancellationToken.None).ToListAsync();

        Assert.Equal(["d1", "d2"], deals.Select(d => d.ExternalId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IsProcessedAsync_WhenMarked_IsTrueForThatConnectorOnly()
    {
        await Store.MarkProcessedAsync("tenant-a", "crm-1", "1:123:1564113600000", CancellationToken.None);

        Assert.True(await Store.IsProcessedAsync("tenant-a", "crm-1", "1:123:1564113600000", CancellationToken.None));
        Assert.False(await Store.IsProcessedAsync("tenant-a", "crm-2", "1:123:1564113600000", CancellationToken.None));
    }

    private ICrmStore Store => Get<ICrmStore>();

    private static CrmRecord Deal(string id, params (string Name, string? Value)[] fields)
    {
        var record = new CrmRecord("tenant-a", "crm-1", CrmEntityKind.Deal, id);
        record.Apply(Change(id, T0, fields));
        return record;
    }

    private static CrmChange Change(string id, DateTimeOffset at, params (string Name, string? Value)[] fields) =>
        new("e", CrmEntityKind.Deal, id, at, fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));
}
