using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Query;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Storage.Tests;

public sealed class TableKpiStoreTests : StorageTestBase
{
    private static readonly DateOnly Day = new(2026, 10, 5);
    private static readonly KpiPeriod DayPeriod = new(KpiGrain.Day, Day);

    [Fact]
    public async Task ReplaceAsync_WhenAnEntityDropsOut_RemovesItsSeriesAndPeriodRows()
    {
        await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3), Cell("rep-02", 4)], CancellationToken.None);

        await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 5)], CancellationToken.None);

        Assert.Equal(5, Assert.Single(await SeriesAsync("rep-01", Day, Day)).Cell.Values["emailsSent"]);
        Assert.Empty(await SeriesAsync("rep-02", Day, Day));
        Assert.Equal(["rep|rep-01"], await PeriodRowKeysAsync());
    }

    [Fact]
    public async Task ReplaceAsync_WhenValuesAreAlreadyStored_WritesOnlyTheChangedCellsInBothLayouts()
    {
        Assert.Equal(4, await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3), Cell("rep-02", 4), Cell("rep-03", 2, winRate: null), Cell("rep-04", 1)], CancellationToken.None));
        var before = await ETagsAsync();

        var unchanged = await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3), Cell("rep-02", 4), Cell("rep-03", 2, winRate: null), Cell("rep-04", 1)], CancellationToken.None);
        Assert.Equal(0, unchanged);
        Assert.Equal(before, await ETagsAsync());

        // A new value, an undefined ratio that became 0, and a count that became 0 (its column goes): all are changes.
        var changed = await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3), Cell("rep-02", 5), Cell("rep-03", 2, winRate: 0), Cell("rep-04", 0)], CancellationToken.None);
        Assert.Equal(3, changed);
        var after = await ETagsAsync();
        Assert.Equal(before.Where(e => e.Key.Contains("rep-01", StringComparison.Ordinal)), after.Where(e => e.Key.Contains("rep-01", StringComparison.Ordinal)));
        Assert.Equal(6, after.Count(e => before[e.Key] != e.Value));
        Assert.Equal(5, Assert.Single(await SeriesAsync("rep-02", Day, Day)).Cell.Values["emailsSent"]);
        Assert.Equal(0, Assert.Single(await SeriesAsync("rep-03", Day, Day)).Cell.Values["winRate"]);
        Assert.Equal(0, Assert.Single(await SeriesAsync("rep-04", Day, Day)).Cell.Values["emailsSent"]);
    }

    [Fact]
    public async Task ReplaceAsync_WhenTheStoredRowIsOfAnotherCatalogueVersion_RewritesItWithEqualValues()
    {
        await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3)], CancellationToken.None);
        var row = (await Periods.GetEntityAsync<TableEntity>("tenant-a|day|2026-10-05", "rep|rep-01")).Value;
        row["DefinitionVersion"] = KpiCatalogue.Version - 1;
        await Periods.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal(1, await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3)], CancellationToken.None));

        Assert.Equal(KpiCatalogue.Version, Assert.Single(await Store.GetPeriodAsync("tenant-a", DayPeriod, KpiDimension.Rep, CancellationToken.None)).DefinitionVersion);
    }

    [Fact]
    public async Task GetSeriesAsync_WhenRangeGiven_IncludesBothEndsAndNothingOutsideNorOtherGrains()
    {
        for (var d = 0; d < 5; d++)
        {
            var period = new KpiPeriod(KpiGrain.Day, Day.AddDays(d));
            await Store.ReplaceAsync("tenant-a", [period], [Cell("rep-01", d + 1, period)], CancellationToken.None);
        }

        var week = KpiPeriod.Of(KpiGrain.Week, Day);
        await Store.ReplaceAsync("tenant-a", [week], [Cell("rep-01", 99, week)], CancellationToken.None);

        var series = await SeriesAsync("rep-01", Day.AddDays(1), Day.AddDays(3));

        Assert.Equal([2m, 3m, 4m], series.Select(c => c.Cell.Values["emailsSent"]));
        Assert.All(series, c => Assert.Equal(KpiCatalogue.Version, c.DefinitionVersion));
        var weeks = await Store.GetSeriesAsync("tenant-a", KpiDimension.Rep, "rep-01", KpiGrain.Week, week.Start, week.Start, CancellationToken.None);
        Assert.Equal(week, Assert.Single(weeks).Cell.Period);
    }

    [Fact]
    public async Task ReplaceAsync_WhenEntitiesShareAPeriod_KeysTheirSeriesRowsByPeriodThenEntity()
    {
        await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 1), Cell("rep-02", 2)], CancellationToken.None);

        // Unique row keys: the storage emulator finds a row by scanning every row that shares its RowKey (ADR 0015).
        var keys = new List<string>();
        await foreach (var entity in Series.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            keys.Add($"{entity.PartitionKey} {entity.RowKey}");
        }

        Assert.Equal(["tenant-a|rep|rep-01 day|2026-10-05|rep|rep-01", "tenant-a|rep|rep-02 day|2026-10-05|rep|rep-02"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplaceAsync_WhenMoreThanOneBatchOfEntities_WritesAndReplacesThemAll()
    {
        var many = Enumerable.Range(0, 250).Select(i => Cell($"rep-{i:000}", i)).ToList();

        await Store.ReplaceAsync("tenant-a", [DayPeriod], many, CancellationToken.None);
        await Store.ReplaceAsync("tenant-a", [DayPeriod], many.Take(120).ToList(), CancellationToken.None);

        Assert.Equal(120, (await PeriodRowKeysAsync()).Count);
        Assert.Equal(119, Assert.Single(await SeriesAsync("rep-119", Day, Day)).Cell.Values["emailsSent"]);
        Assert.Empty(await SeriesAsync("rep-120", Day, Day));
        Assert.Equal(120, (await Store.GetPeriodAsync("tenant-a", DayPeriod, KpiDimension.Rep, CancellationToken.None)).Count);
        Assert.Empty(await Store.GetPeriodAsync("tenant-a", DayPeriod, KpiDimension.Team, CancellationToken.None));
    }

    [Theory]
    [InlineData(KpiDimension.Rep)]
    [InlineData(KpiDimension.Territory)]
    [InlineData(KpiDimension.Account)]
    public async Task GetSeriesAsync_WhenEveryKpiStored_ReadsEachBackWithZeroAndUndefinedAsTheyWere(KpiDimension dimension)
    {
        // Every third KPI is 0 or undefined (whichever the dimension allows), the rest a whole count or a fraction.
        var values = KpiCatalogue.Definitions.Select((d, i) => (d.Name, Value: i % 3 == 0
                ? d.AlwaysDefinedFor.Contains(dimension) ? 0m : (decimal?)null
                : d.Unit == KpiCatalogue.UnitCount ? 1000 + i : 123456.78m + i))
            .ToDictionary(v => v.Name, v => v.Value);
        await Store.ReplaceAsync("tenant-a", [DayPeriod], [new KpiCell(dimension, "e-01", DayPeriod, values)], CancellationToken.None);

        Assert.Equal(values, Assert.Single(await Store.GetSeriesAsync("tenant-a", dimension, "e-01", KpiGrain.Day, Day, Day, CancellationToken.None)).Cell.Values);
        Assert.Equal(values, Assert.Single(await Store.GetPeriodAsync("tenant-a", DayPeriod, dimension, CancellationToken.None)).Cell.Values);
    }

    [Fact]
    public async Task ReplaceAsync_WhenCountsAreZeroOrValuesUndefined_StoresNoColumnForThem_AndCountsAsWholeNumbers()
    {
        var values = KpiCatalogue.Definitions.ToDictionary(d => d.Name, _ => (decimal?)null);
        (values["emailsSent"], values["meetings"], values["revenueWon"], values["winRate"], values["outsideTerritory"]) = (3, 0, 1250.5m, null, 0);
        foreach (var name in KpiCatalogue.Definitions.Where(d => d.AlwaysDefinedFor.Contains(KpiDimension.Rep) && values[d.Name] is null).Select(d => d.Name))
        {
            values[name] = 0;
        }

        await Store.ReplaceAsync("tenant-a", [DayPeriod], [new KpiCell(KpiDimension.Rep, "rep-01", DayPeriod, values)], CancellationToken.None);

        foreach (var (table, partitionKey, rowKey) in new[] { (Series, "tenant-a|rep|rep-01", "day|2026-10-05|rep|rep-01"), (Periods, "tenant-a|day|2026-10-05", "rep|rep-01") })
        {
            var entity = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
            Assert.Equal(3, entity["EmailsSent"]);
            Assert.Equal(1250.5, entity["RevenueWon"]);
            var kpiColumns = entity.Keys.Where(k => KpiCatalogue.Definitions.Any(d => string.Equals(d.Name, k, StringComparison.OrdinalIgnoreCase)));
            Assert.Equal(["EmailsSent", "RevenueWon"], kpiColumns.Order());
        }

        var read = Assert.Single(await SeriesAsync("rep-01", Day, Day)).Cell.Values;
        Assert.Equal((3m, 0m, 1250.5m, null, 0m), (read["emailsSent"], read["meetings"], read["revenueWon"], read["winRate"], read["outsideTerritory"]));
    }

    [Fact]
    public async Task ReplaceAsync_WhenARowHoldsTheEarlierColumnForm_RewritesItWithEqualValues()
    {
        // Before ADR 0014 counts were doubles and zeros were stored.
        var values = KpiCatalogue.Definitions.ToDictionary(d => d.Name, d => (decimal?)(d.Name == "meetings" ? 0 : 3));
        var cell = new KpiCell(KpiDimension.Rep, "rep-01", DayPeriod, values);
        await Store.ReplaceAsync("tenant-a", [DayPeriod], [cell], CancellationToken.None);
        var row = (await Periods.GetEntityAsync<TableEntity>("tenant-a|day|2026-10-05", "rep|rep-01")).Value;
        row["EmailsSent"] = 3.0;
        row["Meetings"] = 0.0;
        await Periods.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        Assert.Equal(0m, Assert.Single(await Store.GetPeriodAsync("tenant-a", DayPeriod, KpiDimension.Rep, CancellationToken.None)).Cell.Values["meetings"]);

        Assert.Equal(1, await Store.ReplaceAsync("tenant-a", [DayPeriod], [cell], CancellationToken.None));

        var rewritten = (await Periods.GetEntityAsync<TableEntity>("tenant-a|day|2026-10-05", "rep|rep-01")).Value;
        Assert.Equal(3, rewritten["EmailsSent"]);
        Assert.False(rewritten.ContainsKey("Meetings"));
    }

    [Fact]
    public async Task ReplaceAsync_WhenAnAlwaysDefinedCountIsUndefined_ThrowsAndWritesNothing()
    {
        var values = KpiCatalogue.Definitions.ToDictionary(d => d.Name, _ => (decimal?)1);
        values["dealsWon"] = null;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAsync("tenant-a", [DayPeriod], [new KpiCell(KpiDimension.Account, "acc-01", DayPeriod, values)], CancellationToken.None));

        Assert.Contains("dealsWon", error.Message, StringComparison.Ordinal);
        Assert.Empty(await PeriodRowKeysAsync());
    }

    [Fact]
    public async Task ReplaceAsync_WhenACellIsOfAnotherPeriod_ThrowsAndWritesNothing()
    {
        var week = KpiPeriod.Of(KpiGrain.Week, Day);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 1, week)], CancellationToken.None));

        Assert.Empty(await PeriodRowKeysAsync());
    }

    [Fact]
    public async Task ReplaceAsync_WhenCellsWritten_StampsThemWithTheTimeProvidersNow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 6, 4, 30, 0, TimeSpan.Zero));
        await using var services = await AzuriteStorage.CreateServicesAsync(AzuriteStorage.NewPrefix(), s => s.AddSingleton<TimeProvider>(clock));

        await services.GetRequiredService<IKpiStore>().ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3)], CancellationToken.None);

        var series = services.GetRequiredService<StorageClients>().Tables.GetTableClient(services.GetRequiredService<StorageNames>().Table(StorageNames.KpiSeries));
        var row = Assert.Single(await series.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(clock.GetUtcNow(), row.GetDateTimeOffset("ComputedAt"));
    }

    private IKpiStore Store => Get<IKpiStore>();

    private static KpiCell Cell(string rep, int sent, KpiPeriod? period = null, decimal? winRate = 1) =>
        new(KpiDimension.Rep, rep, period ?? DayPeriod, KpiCatalogue.Definitions.ToDictionary(
            d => d.Name,
            d => d.Name switch { "emailsSent" => sent, "winRate" => winRate, _ => (decimal?)1 }));

    private async Task<IReadOnlyList<StoredKpiCell>> SeriesAsync(string rep, DateOnly from, DateOnly to) =>
        await Store.GetSeriesAsync("tenant-a", KpiDimension.Rep, rep, KpiGrain.Day, from, to, CancellationToken.None);

    private TableClient Series => Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().Table(StorageNames.KpiSeries));

    private TableClient Periods => Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().Table(StorageNames.KpiPeriods));

    /// <summary>Every stored row's ETag, series and period layout alike: what changes when a row is written.</summary>
    private async Task<Dictionary<string, string>> ETagsAsync()
    {
        var etags = new Dictionary<string, string>();
        foreach (var table in new[] { Series, Periods })
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                etags[$"{table.Name}/{entity.PartitionKey}/{entity.RowKey}"] = entity.ETag.ToString();
            }
        }

        return etags;
    }

    private async Task<List<string>> PeriodRowKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var entity in Periods.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"tenant-a|day|2026-10-05"}")))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }
}
