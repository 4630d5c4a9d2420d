using Moq;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Kpis.Rollup;

/// <summary>The event-driven rollup (ADR 0022): debounced requests per tenant, one run per tenant at a time, the timer kept.</summary>
public sealed class RollupRequestsTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Fact]
    public async Task ScoreAsync_WhenABurstArrivesWithinTheWindow_AsksForOneRollupDelayedByTheWindow()
    {
        var pipeline = new Pipeline();

        for (var i = 0; i < 50; i++)
        {
            await pipeline.Scoring.ScoreAsync(TestData.Email($"e{i}", TestData.Kim, [TestData.Ava]), CancellationToken.None);
        }

        pipeline.Queue.Verify(q => q.SendLaterAsync(QueueNames.Rollup, new RollupRequest(TestData.Tenant), TimeSpan.FromSeconds(5), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ScoreAsync_WhenTheWindowHasPassed_AsksAgain()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        pipeline.Clock.Advance(TimeSpan.FromSeconds(5));
        await pipeline.Scoring.ScoreAsync(TestData.Email("e2", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        pipeline.Queue.Verify(q => q.SendLaterAsync(QueueNames.Rollup, It.IsAny<RollupRequest>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task ScoreAsync_WhenTheDelayIsZero_LeavesTheRollupToTheTimer()
    {
        var pipeline = new Pipeline();
        pipeline.KpiOptions.RollupDelaySeconds = 0;

        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        pipeline.Queue.Verify(q => q.SendLaterAsync(QueueNames.Rollup, It.IsAny<RollupRequest>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.NotEmpty(pipeline.Stores.DirtyDays);
    }

    [Fact]
    public async Task ScoreAsync_WhenSendingTheRequestFails_AsksAgainOnTheNextMark()
    {
        var pipeline = new Pipeline();
        pipeline.Queue.SetupSequence(q => q.SendLaterAsync(QueueNames.Rollup, It.IsAny<RollupRequest>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage unreachable"))
            .Returns(Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None));
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        pipeline.Queue.Verify(q => q.SendLaterAsync(QueueNames.Rollup, It.IsAny<RollupRequest>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task RunRequestedAsync_WhenTheTenantIsFree_CountsItsNewFactsAndClearsItsDays()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        await pipeline.Rollup.RunRequestedAsync(new RollupRequest(TestData.Tenant), CancellationToken.None);

        Assert.Equal(1, pipeline.Stores.DayCell(KpiDimension.Rep, "rep-ava", Monday).EmailsReceived);
        Assert.Empty(pipeline.Stores.DirtyDays);
    }

    [Fact]
    public async Task RunRequestedAsync_WhenAnotherRunHoldsTheTenant_ComputesNothingAndAsksAgainLater()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);
        pipeline.Queue.Invocations.Clear();

        using (pipeline.RollupLocks.Hold(TestData.Tenant))
        {
            await pipeline.Rollup.RunRequestedAsync(new RollupRequest(TestData.Tenant), CancellationToken.None);
        }

        Assert.Equal(0, pipeline.Stores.DayCell(KpiDimension.Rep, "rep-ava", Monday).EmailsReceived);
        Assert.NotEmpty(pipeline.Stores.DirtyDays);
        pipeline.Queue.Verify(q => q.SendLaterAsync(QueueNames.Rollup, new RollupRequest(TestData.Tenant), TimeSpan.FromSeconds(5), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_WhenAnotherRunHoldsTheTenant_LeavesItsDaysDirtyForTheNextRun()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        using (pipeline.RollupLocks.Hold(TestData.Tenant))
        {
            var skipped = await pipeline.Rollup.RunAsync(CancellationToken.None);
            Assert.Equal(0, skipped.CellsWritten);
        }

        Assert.NotEmpty(pipeline.Stores.DirtyDays);
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        Assert.Equal(1, pipeline.Stores.DayCell(KpiDimension.Rep, "rep-ava", Monday).EmailsReceived);
        Assert.Empty(pipeline.Stores.DirtyDays);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../other")]
    public async Task RunRequestedAsync_WhenTheTenantIdIsInvalid_RefusesTheMessageForThePoisonQueue(string tenantId)
    {
        var pipeline = new Pipeline();

        await Assert.ThrowsAsync<ArgumentException>(() => pipeline.Rollup.RunRequestedAsync(new RollupRequest(tenantId), CancellationToken.None));
    }
}
