using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Kpis;

public sealed class KpiQueryServiceTests
{
    private static readonly DateOnly Day = new(2026, 10, 5);

    [Fact]
    public async Task GetDailyAsync_WhenSomeDaysHaveNoRow_FillsThemWithZerosInclusively()
    {
        var stores = new InMemoryStores();
        await stores.ReplaceDayAsync(TestData.Tenant, Day, [new KpiRow(KpiDimension.Team, "team-a", Day, new DailyKpis(1, 2, 3, 4, 5))], CancellationToken.None);

        var series = await new KpiQueryService(stores).GetDailyAsync(TestData.Tenant, KpiDimension.Team, "team-a", Day.AddDays(-1), Day.AddDays(1), CancellationToken.None);

        Assert.Equal(["2026-10-04", "2026-10-05", "2026-10-06"], series.Series.Select(p => p.Period));
        Assert.Equal([0, 1, 0], series.Series.Select(p => p.EmailsSent));
        Assert.Equal(5, series.Series[1].UniqueAccounts);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public async Task GetDailyAsync_WhenRangeReversedOrTooLong_Throws(int days) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            new KpiQueryService(new InMemoryStores()).GetDailyAsync(TestData.Tenant, KpiDimension.Rep, "rep-ava", Day, Day.AddDays(days), CancellationToken.None));
}
