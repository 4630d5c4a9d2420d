using Azure.Data.Tables;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;

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
        Assert.Equal(3, await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3), Cell("rep-02", 4), Cell("rep-03", null)], CancellationToken.None));
        var before = await ETagsAsync();

        var unchanged = await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3), Cell("rep-02", 4), Cell("rep-03", null)], CancellationToken.None);
        Assert.Equal(0, unchanged);
        Assert.Equal(before, await ETagsAsync());

        // A new value, and an undefined value that became zero: both are changes.
        var changed = await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3), Cell("rep-02", 5), Cell("rep-03", 0)], CancellationToken.None);
        Assert.Equal(2, changed);
        var after = await ETagsAsync();
        Assert.Equal(before.Where(e => e.Key.Contains("rep-01", StringComparison.Ordinal)), after.Where(e => e.Key.Contains("rep-01", StringComparison.Ordinal)));
        Assert.Equal(4, after.Count(e => before[e.Key] != e.Value));
        Assert.Equal(5, Assert.Single(await SeriesAsync("rep-02", Day, Day)).Cell.Values["emailsSent"]);
        Assert.Equal(0, Assert.Single(await SeriesAsync("rep-03", Day, Day)).Cell.Values["emailsSent"]);
    }

    [Fact]
    public async Task ReplaceAsync_WhenTheStoredRowIsOfAnotherCatalogueVersion_RewritesItWithEqualValues()
    {
        await Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 3)], CancellationToken.None);
        var row = (await Table.GetEntityAsync<TableEntity>("tenant-a|day|2026-10-05", "rep|rep-01")).Value;
        row["DefinitionVersion"] = KpiCatalogue.Version - 1;
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

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

    [Fact]
    public async Task GetSeriesAsync_WhenEveryKpiStored_ReadsEachBackWithUndefinedStayingUndefined()
    {
        var values = KpiCatalogue.Definitions.Select((d, i) => (d.Name, Value: i % 3 == 0 ? (decimal?)null : 123456.78m + i))
            .ToDictionary(v => v.Name, v => v.Value);
        await Store.ReplaceAsync("tenant-a", [DayPeriod], [new KpiCell(KpiDimension.Rep, "rep-01", DayPeriod, values)], CancellationToken.None);

        Assert.Equal(values, Assert.Single(await SeriesAsync("rep-01", Day, Day)).Cell.Values);
    }

    [Fact]
    public async Task ReplaceAsync_WhenACellIsOfAnotherPeriod_ThrowsAndWritesNothing()
    {
        var week = KpiPeriod.Of(KpiGrain.Week, Day);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReplaceAsync("tenant-a", [DayPeriod], [Cell("rep-01", 1, week)], CancellationToken.None));

        Assert.Empty(await PeriodRowKeysAsync());
    }

    private IKpiStore Store => Get<IKpiStore>();

    private static KpiCell Cell(string rep, int? sent, KpiPeriod? period = null) =>
        new(KpiDimension.Rep, rep, period ?? DayPeriod, KpiCatalogue.Definitions.ToDictionary(d => d.Name, d => d.Name == "emailsSent" ? sent : (decimal?)1));

    private async Task<IReadOnlyList<StoredKpiCell>> SeriesAsync(string rep, DateOnly from, DateOnly to) =>
        await Store.GetSeriesAsync("tenant-a", KpiDimension.Rep, rep, KpiGrain.Day, from, to, CancellationToken.None);

    private TableClient Table => Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().Table(StorageNames.Kpis));

    /// <summary>Every stored row's ETag, series and period layout alike: what changes when a row is written.</summary>
    private async Task<Dictionary<string, string>> ETagsAsync()
    {
        var etags = new Dictionary<string, string>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            etags[$"{entity.PartitionKey}/{entity.RowKey}"] = entity.ETag.ToString();
        }

        return etags;
    }

    private async Task<List<string>> PeriodRowKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"tenant-a|day|2026-10-05"}")))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }
}
