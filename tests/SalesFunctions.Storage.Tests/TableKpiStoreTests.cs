using Azure.Data.Tables;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Storage.Tests;

public sealed class TableKpiStoreTests : StorageTestBase
{
    private static readonly DateOnly Day = new(2026, 10, 5);

    [Fact]
    public async Task ReplaceDayAsync_WhenAnEntityDropsOut_RemovesItsSeriesAndPeriodRows()
    {
        await Store.ReplaceDayAsync("tenant-a", Day, [Row("rep-01", 3), Row("rep-02", 4)], CancellationToken.None);

        await Store.ReplaceDayAsync("tenant-a", Day, [Row("rep-01", 5)], CancellationToken.None);

        Assert.Equal(5, Assert.Single(await SeriesAsync("rep-01", Day, Day)).Values.EmailsSent);
        Assert.Empty(await SeriesAsync("rep-02", Day, Day));
        Assert.Equal(["rep|rep-01"], await PeriodRowKeysAsync());
    }

    [Fact]
    public async Task GetSeriesAsync_WhenRangeGiven_IncludesBothEndsAndNothingOutside()
    {
        for (var d = 0; d < 5; d++)
        {
            await Store.ReplaceDayAsync("tenant-a", Day.AddDays(d), [Row("rep-01", d + 1, Day.AddDays(d))], CancellationToken.None);
        }

        var series = await SeriesAsync("rep-01", Day.AddDays(1), Day.AddDays(3));

        Assert.Equal([2, 3, 4], series.Select(r => r.Values.EmailsSent));
        Assert.All(series, r => Assert.Equal(KpiDefinitions.Version, r.DefinitionVersion));
    }

    [Fact]
    public async Task ReplaceDayAsync_WhenMoreThanOneBatchOfEntities_WritesAndReplacesThemAll()
    {
        var many = Enumerable.Range(0, 250).Select(i => Row($"rep-{i:000}", i)).ToList();

        await Store.ReplaceDayAsync("tenant-a", Day, many, CancellationToken.None);
        await Store.ReplaceDayAsync("tenant-a", Day, many.Take(120).ToList(), CancellationToken.None);

        Assert.Equal(120, (await PeriodRowKeysAsync()).Count);
        Assert.Equal(119, Assert.Single(await SeriesAsync("rep-119", Day, Day)).Values.EmailsSent);
        Assert.Empty(await SeriesAsync("rep-120", Day, Day));
    }

    [Fact]
    public async Task GetSeriesAsync_WhenPerformanceKpisStored_ReadsThemBackToTheCent()
    {
        var values = new DailyKpis(1, 2, 3, 4, 5) { DealsCreated = 6, DealsWon = 7, DealsLost = 8, RevenueWon = 123456.78m, CasesOpened = 9, CasesResolved = 10 };
        await Store.ReplaceDayAsync("tenant-a", Day, [new KpiRow(KpiDimension.Rep, "rep-01", Day, values)], CancellationToken.None);

        Assert.Equal(values, Assert.Single(await SeriesAsync("rep-01", Day, Day)).Values);
    }

    private IKpiStore Store => Get<IKpiStore>();

    private static KpiRow Row(string rep, int sent, DateOnly? day = null) =>
        new(KpiDimension.Rep, rep, day ?? Day, new DailyKpis(sent, 1, 2, 60, 3));

    private async Task<IReadOnlyList<KpiRow>> SeriesAsync(string rep, DateOnly from, DateOnly to) =>
        await Store.GetSeriesAsync("tenant-a", KpiDimension.Rep, rep, from, to, CancellationToken.None);

    private async Task<List<string>> PeriodRowKeysAsync()
    {
        var table = Get<StorageClients>().Tables.GetTableClient(Get<StorageNames>().Table(StorageNames.Kpis));
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"tenant-a|day|2026-10-05"}")))
        {
            keys.Add(entity.RowKey);
        }

        return keys;
    }
}
