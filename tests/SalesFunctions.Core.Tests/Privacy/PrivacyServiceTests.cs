using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Privacy;

public sealed class PrivacyServiceTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);
    private static readonly PrivacyPolicy ExcludeNorthwind = new() { ExcludedDomains = ["northwind.example"] };

    [Fact]
    public async Task DryRunAsync_WhenStricterPolicy_ReportsWhatItWouldExcludeAndChangesNothing()
    {
        var pipeline = await SeededAsync();

        var report = await pipeline.Privacy.DryRunAsync(TestData.Tenant, ExcludeNorthwind, CancellationToken.None);

        Assert.False(report.Applied);
        Assert.Equal(3, report.ActivitiesScanned);
        Assert.Equal(2, report.Excluded[CaptureOutcome.ExcludedDomain]);
        Assert.Equal([Monday, Monday.AddDays(1)], report.DaysAffected);
        Assert.Equal(3, pipeline.Stores.ActivityCount);
        Assert.Empty(pipeline.Stores.DirtyDays);
        Assert.Equal(PrivacyPolicy.Default, (await pipeline.Stores.GetAsync(TestData.Tenant, CancellationToken.None))!.Privacy);
    }

    [Fact]
    public async Task ApplyAsync_WhenStricterPolicy_PurgesActivitiesAndTheNextRollupRemovesThemFromKpis()
    {
        var pipeline = await SeededAsync();
        Assert.Equal(2, (await Rep(pipeline, Monday)).EmailsReceived);

        var report = await pipeline.Privacy.ApplyAsync(TestData.Tenant, ExcludeNorthwind, CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.True(report.Applied);
        Assert.Equal(2, report.ExcludedTotal);
        Assert.Equal(1, pipeline.Stores.ActivityCount);
        Assert.Equal(1, (await Rep(pipeline, Monday)).EmailsReceived);
        Assert.Equal(DayKpis.Zero, await Rep(pipeline, Monday.AddDays(1)));
        Assert.Equal(ExcludeNorthwind, (await pipeline.Stores.GetAsync(TestData.Tenant, CancellationToken.None))!.Privacy);
    }

    [Fact]
    public async Task ApplyAsync_WhenRunTwice_SecondRunFindsNothingLeft()
    {
        var pipeline = await SeededAsync();
        await pipeline.Privacy.ApplyAsync(TestData.Tenant, ExcludeNorthwind, CancellationToken.None);

        var again = await pipeline.Privacy.ApplyAsync(TestData.Tenant, ExcludeNorthwind, CancellationToken.None);

        Assert.Equal(0, again.ExcludedTotal);
        Assert.Empty(again.DaysAffected);
    }

    [Fact]
    public async Task ApplyAsync_WhenSubjectHashedAfterOn_RewritesStoredSubjectsWithoutChangingCounts()
    {
        var pipeline = new Pipeline();
        await pipeline.Privacy.ApplyAsync(TestData.Tenant, new PrivacyPolicy { Subject = SubjectCapture.On }, CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]) with { Subject = "Pricing" }, CancellationToken.None);

        var report = await pipeline.Privacy.ApplyAsync(TestData.Tenant, new PrivacyPolicy { Subject = SubjectCapture.Hashed }, CancellationToken.None);

        Assert.Equal(1, report.Rewritten);
        Assert.StartsWith(PrivacyFilter.HashPrefix, Assert.Single(pipeline.Stores.Activities).Subject);
    }

    [Fact]
    public async Task ScoreAsync_WhenQueuedBeforeAStricterPolicy_IsNotStoredAfterThePurge()
    {
        var pipeline = new Pipeline();
        await pipeline.Privacy.ApplyAsync(TestData.Tenant, ExcludeNorthwind, CancellationToken.None);

        var stored = await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        Assert.Null(stored);
        Assert.Equal(0, pipeline.Stores.ActivityCount);
    }

    private static async Task<Pipeline> SeededAsync()
    {
        var pipeline = new Pipeline();
        var at = new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava], at: at), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e2", "buyer@acme.example", [TestData.Ava], at: at), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e3", TestData.Kim, [TestData.Ava], at: at.AddDays(1)), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        return pipeline;
    }

    private static async Task<DayKpis> Rep(Pipeline pipeline, DateOnly day) =>
        await Task.FromResult(pipeline.Stores.DayCell(KpiDimension.Rep, "rep-ava", day));
}
