using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Kpis;

/// <summary>One bad input never stops a tenant's rollup (issue 26): it is set aside, named in the status, and the rest computed.</summary>
public sealed class RollupIsolationTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public async Task RunAsync_WhenADirtyDayIsOutsideTheSupportedDays_SetsItAsideAndRollsUpTheOtherDays(int year, int month, int day)
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e2", TestData.Lee, [TestData.Ava]), CancellationToken.None);
        await pipeline.Stores.MarkAsync(TestData.Tenant, [new DateOnly(year, month, day)], CancellationToken.None);

        await pipeline.Rollup.RunAsync(CancellationToken.None);
        var next = await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(2, pipeline.Stores.DayCell(KpiDimension.Rep, "rep-ava", Monday).EmailsReceived);
        var failure = Assert.Single(pipeline.Stores.RollupFailures);
        Assert.Equal((TestData.Tenant, $"dirty day {year:0000}-{month:00}-{day:00}"), (failure.TenantId, failure.Input));
        Assert.StartsWith("ArgumentOutOfRangeException", failure.Cause, StringComparison.Ordinal);
        Assert.Empty(pipeline.Stores.DirtyDays);
        Assert.Equal(0, next.DirtyDays);
    }

    [Fact]
    public async Task RunAsync_WhenTheStoredTargetsCannotBeRead_ComputesTheOtherKpisAndNamesTheTargets()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);
        pipeline.Targets.Unreadable = true;

        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, pipeline.Stores.DayCell(KpiDimension.Rep, "rep-ava", Monday).EmailsReceived);
        var failure = Assert.Single(pipeline.Stores.RollupFailures);
        Assert.Equal("KPI targets", failure.Input);
        Assert.Contains("0001-01-01", failure.Cause, StringComparison.Ordinal);
        Assert.Empty(pipeline.Stores.DirtyDays);
    }

    [Fact]
    public async Task RunAsync_WhenOneTenantIsNotConfigured_RollsUpTheOthersAndKeepsItsDays()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);
        await pipeline.Stores.MarkAsync("tenant-gone", [Monday], CancellationToken.None);

        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, pipeline.Stores.DayCell(KpiDimension.Rep, "rep-ava", Monday).EmailsReceived);
        Assert.Equal(("tenant-gone", "tenant"), (Assert.Single(pipeline.Stores.RollupFailures).TenantId, pipeline.Stores.RollupFailures[0].Input));
        Assert.Equal(Monday, Assert.Single(pipeline.Stores.DirtyDays));
    }

    [Fact]
    public async Task RunAsync_WhenAStoppedTenantRollsUpAgain_ForgetsWhatStoppedIt()
    {
        var pipeline = new Pipeline();
        await pipeline.Stores.MarkAsync("tenant-late", [Monday], CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        await pipeline.Stores.SaveAsync(TestData.Directory() with { TenantId = "tenant-late" }, CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Empty(pipeline.Stores.RollupFailures);
        Assert.Empty(pipeline.Stores.DirtyDays);
    }
}
