using FsCheck;
using FsCheck.Fluent;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Kpis.Rollup;

public sealed class RollupTests
{
    private static readonly DateOnly Monday = new(2026, 10, 5);

    [Fact]
    public async Task ScoreAsync_WhenSameActivityScoredTwice_StoresOneAndCountsItOnce()
    {
        var pipeline = new Pipeline();
        var email = TestData.Email("e1", TestData.Kim, [TestData.Ava]);

        await pipeline.Scoring.ScoreAsync(email, CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(email, CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, pipeline.Stores.ActivityCount);
        Assert.Equal(1, (await Series(pipeline, "rep-ava", Monday)).EmailsReceived);
    }

    [Fact]
    public async Task RunAsync_WhenTheTenantsHistoryIsOlderThanTenYears_CountsItOnTheFirstRebuild()
    {
        var pipeline = new Pipeline();
        var at = new DateTimeOffset(2001, 5, 3, 9, 0, 0, TimeSpan.Zero);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e-2001", TestData.Kim, [TestData.Ava], at: at), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e-now", TestData.Kim, [TestData.Ava]), CancellationToken.None);

        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, (await Series(pipeline, "rep-ava", new DateOnly(2001, 5, 3))).EmailsReceived);
        Assert.Equal(1, (await Series(pipeline, "rep-ava", Monday)).EmailsReceived);
        Assert.Empty(pipeline.Stores.DirtyDays);
    }

    [Fact]
    public async Task ScoreAsync_WhenMeetingRescheduledToAnotherDay_RecomputesBothDays()
    {
        var pipeline = new Pipeline();
        var meeting = TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false)], 30);
        await pipeline.Scoring.ScoreAsync(meeting, CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        await pipeline.Scoring.ScoreAsync(meeting with { OccurredAt = meeting.OccurredAt.AddDays(1), EndsAt = meeting.EndsAt!.Value.AddDays(1) }, CancellationToken.None);
        var run = await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(2, run.DirtyDays);
        Assert.Equal(0, (await Series(pipeline, "rep-ava", Monday)).Meetings);
        Assert.Equal(1, (await Series(pipeline, "rep-ava", Monday.AddDays(1))).Meetings);
    }

    [Fact]
    public async Task RunAsync_WhenDayMarkedAgainDuringTheRun_LeavesItDirtyForTheNextRun()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Kim, [TestData.Ava]), CancellationToken.None);
        var late = TestData.Email("e2", TestData.Lee, [TestData.Ava]);
        pipeline.Stores.AfterList = () => pipeline.Scoring.ScoreAsync(late, CancellationToken.None).GetAwaiter().GetResult();

        var first = await pipeline.Rollup.RunAsync(CancellationToken.None);
        var second = await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, first.StillDirty);
        Assert.Equal(0, second.StillDirty);
        Assert.Empty(pipeline.Stores.DirtyDays);
        Assert.Equal(2, (await Series(pipeline, "rep-ava", Monday)).EmailsReceived);
    }

    [Fact]
    public void Rollup_WhenActivitiesArriveInAnyOrderWithDuplicatesAndRollupsInBetween_EqualsOneRecomputeFromScratch()
    {
        var activity = Gen.Elements(Catalogue());
        var step = Gen.Zip(activity, Gen.Elements(true, false, false, false));
        Prop.ForAll(Gen.ListOf(step).ToArbitrary(), steps =>
        {
            var incremental = new Pipeline();
            foreach (var (item, rollupAfter) in steps)
            {
                incremental.Scoring.ScoreAsync(item, CancellationToken.None).GetAwaiter().GetResult();
                if (rollupAfter)
                {
                    incremental.Rollup.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
            }

            incremental.Rollup.RunAsync(CancellationToken.None).GetAwaiter().GetResult();

            // From scratch: only the final version of each activity, each once, one rollup.
            var scratch = new Pipeline();
            foreach (var item in steps.Select(s => s.Item1).GroupBy(a => a.ActivityId).Select(g => g.Last()))
            {
                scratch.Scoring.ScoreAsync(item, CancellationToken.None).GetAwaiter().GetResult();
            }

            scratch.Rollup.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            // Days whose rows were all removed flatten to nothing, like days never written.
            return incremental.Stores.AllKpiCells().SequenceEqual(scratch.Stores.AllKpiCells());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rollup_WhenActivitiesAndDealEventsArriveInAnyOrderWithDuplicates_EqualsOneRecomputeFromScratch()
    {
        // Each step is an activity or a CRM event; events carry their own versions, so any order converges.
        var step = Gen.Zip(Gen.Elements(Steps()), Gen.Elements(true, false, false, false));
        Prop.ForAll(Gen.ListOf(step).ToArbitrary(), steps =>
        {
            var incremental = CrmEvents.NewPipeline();
            foreach (var (item, rollupAfter) in steps)
            {
                Apply(incremental, item);
                if (rollupAfter)
                {
                    incremental.Rollup.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
            }

            incremental.Rollup.RunAsync(CancellationToken.None).GetAwaiter().GetResult();

            // From scratch: the same facts as they finally stand, each once, in one rollup.
            var scratch = CrmEvents.NewPipeline();
            var items = steps.Select(s => s.Item1).ToList();
            foreach (var item in items.Where(i => i.Activity is null).Distinct().Concat(items.Where(i => i.Activity is not null).GroupBy(i => i.Activity!.ActivityId).Select(g => g.Last())))
            {
                Apply(scratch, item);
            }

            scratch.Rollup.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            return incremental.Stores.AllKpiCells().SequenceEqual(scratch.Stores.AllKpiCells());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task RunAsync_WhenAnActivityArrives_StoresEveryGrainForItsRepTeamAccountAndTenant()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Ava, [TestData.Kim]), CancellationToken.None);

        await pipeline.Rollup.RunAsync(CancellationToken.None);

        foreach (var grain in Enum.GetValues<KpiGrain>())
        {
            var period = KpiPeriod.Of(grain, Monday);
            var cells = pipeline.Stores.AllKpiCells().Where(c => c.Period == period).ToList();
            Assert.Equal([KpiDimension.Rep, KpiDimension.Team, KpiDimension.Tenant, KpiDimension.Account], cells.Select(c => c.Dimension));
            Assert.All(cells, c => Assert.Contains("emailsSent=1;", c.Values, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task RunAsync_WhenCatalogueVersionStoredIsOlder_RebuildsTheWholeHistoryNotOnlyTheDirtyDays()
    {
        var pipeline = new Pipeline();
        var march = await RollUpAMarchEmailThenDropItsMonthAsync(pipeline);
        var settings = pipeline.KpiSettings.Fingerprint(TestData.Tenant, pipeline.CrmOptions);
        await pipeline.Stores.SaveCatalogueStampAsync(TestData.Tenant, new CatalogueStamp(KpiCatalogue.Version - 1, settings, pipeline.Stores.Layout), CancellationToken.None);

        // A dirty day in October reaches back only the reply window; the older version makes the rollup rebuild from the
        // first stored activity.
        await pipeline.Scoring.ScoreAsync(TestData.Email("e2", TestData.Ava, [TestData.Kim]), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Contains(pipeline.Stores.AllKpiCells(), c => c.Period == march && c.Dimension == KpiDimension.Rep);
        Assert.Equal(new CatalogueStamp(KpiCatalogue.Version, settings, pipeline.Stores.Layout), (await pipeline.Stores.GetCatalogueStampsAsync(CancellationToken.None))[TestData.Tenant]);
    }

    [Fact]
    public async Task RunAsync_WhenTheEmailEstimateChangesWithNoDirtyDay_RebuildsTheTenantOnce()
    {
        var pipeline = new Pipeline();
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Ava, [TestData.Kim], at: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        var march2 = new KpiPeriod(KpiGrain.Day, new DateOnly(2026, 3, 2));
        async Task<decimal?> SellingMinutes() =>
            (await pipeline.Stores.GetPeriodAsync(TestData.Tenant, march2, KpiDimension.Rep, CancellationToken.None)).Single(c => c.Cell.Key == "rep-ava").Cell.Values["sellingMinutes"];
        Assert.Equal(5m, await SellingMinutes());
        Assert.Equal(0, (await pipeline.Rollup.RunAsync(CancellationToken.None)).CellsWritten);

        // Configuration marks no day; the changed fingerprint rebuilds the history, March included.
        pipeline.KpiOptions.MinutesPerEmail = 8m;
        var rebuilt = await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.True(rebuilt.CellsWritten > 0);
        Assert.Equal(8m, await SellingMinutes());
        Assert.Equal(0, (await pipeline.Rollup.RunAsync(CancellationToken.None)).CellsWritten);
    }

    [Fact]
    public async Task RunAsync_WhenTheStoreLayoutChangesWithNoDirtyDay_RebuildsTheTenantIntoIt()
    {
        var pipeline = new Pipeline();
        var march = await RollUpAMarchEmailThenDropItsMonthAsync(pipeline);
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(pipeline.Stores.AllKpiCells(), c => c.Period == march);

        // An upgrade that moves the cells to new tables: nothing is dirty, and the new tables must be filled.
        pipeline.Stores.Layout = 2;
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Contains(pipeline.Stores.AllKpiCells(), c => c.Period == march && c.Dimension == KpiDimension.Rep);
        Assert.Equal(2, (await pipeline.Stores.GetCatalogueStampsAsync(CancellationToken.None))[TestData.Tenant].Layout);
    }

    /// <summary>
    /// A March email rolled up, then March's month cells removed behind the rollup's back: only a rebuild of the whole
    /// history brings them back, since no dirty day reaches March.
    /// </summary>
    private static async Task<KpiPeriod> RollUpAMarchEmailThenDropItsMonthAsync(Pipeline pipeline)
    {
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", TestData.Ava, [TestData.Kim], at: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        var march = new KpiPeriod(KpiGrain.Month, new DateOnly(2026, 3, 1));
        await pipeline.Stores.ReplaceAsync(TestData.Tenant, [march], [], CancellationToken.None);
        return march;
    }

    private static void Apply(Pipeline pipeline, Step item)
    {
        if (item.Activity is { } activity)
        {
            pipeline.Scoring.ScoreAsync(activity, CancellationToken.None).GetAwaiter().GetResult();
        }
        else
        {
            CrmEvents.ProcessAsync(pipeline, At(0, 8), item.CrmEvent!).GetAwaiter().GetResult();
        }
    }

    /// <summary>The activities below and deal events on the same days: a deal created, won later, and one created and lost.</summary>
    private static Step[] Steps()
    {
        var events = new[]
        {
            CrmEvents.Event("x1", "deal", "d1", At(0, 9), ("createdAt", CrmEvents.Iso(At(0, 9))), ("ownerId", "u-ava"), ("amount", "1000"), ("accountId", "acc-fabrikam")),
            CrmEvents.Event("x2", "deal", "d1", At(2, 9), ("status", "won"), ("closedAt", CrmEvents.Iso(At(2, 9)))),
            CrmEvents.Event("x3", "deal", "d2", At(1, 9), ("createdAt", CrmEvents.Iso(At(1, 9))), ("ownerId", "u-cy"), ("amount", "500"), ("currency", "EUR")),
            CrmEvents.Event("x4", "deal", "d2", At(2, 10), ("status", "lost"), ("closedAt", CrmEvents.Iso(At(2, 10)))),
            CrmEvents.Event("x5", "case", "c1", At(1, 9), ("openedAt", CrmEvents.Iso(At(1, 9))), ("resolvedAt", CrmEvents.Iso(At(2, 9))), ("ownerId", "u-ava"), ("csat", "4")),
        };
        return [.. Catalogue().Select(a => new Step(a, null)), .. events.Select(e => new Step(null, e))];
    }

    private static DateTimeOffset At(int day, int hour) => new DateTimeOffset(Monday.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddDays(day);

    /// <summary>An activity or a CRM event (JSON of the generic connector).</summary>
    internal sealed record Step(Activity? Activity, string? CrmEvent);

    /// <summary>Emails and meetings over three days, including one meeting in two versions (rescheduled).</summary>
    private static Activity[] Catalogue()
    {
        var at = (int day, int hour) => new DateTimeOffset(Monday.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddDays(day);
        return
        [
            TestData.Email("e1", TestData.Kim, [TestData.Ava], [TestData.Bo], at(0, 9)),
            TestData.Email("e2", TestData.Ava, [TestData.Kim], at: at(0, 10)),
            TestData.Email("e3", TestData.Lee, [TestData.Cy], at: at(1, 9)),
            TestData.Email("e4", TestData.FreeMail, [TestData.Bo], at: at(2, 9)),
            TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Cy, false)], 30, at(0, 14)),
            TestData.Meeting("m1", TestData.Ava, [(TestData.Kim, false), (TestData.Cy, true)], 45, at(1, 15)),
            TestData.Meeting("m2", TestData.Cy, [(TestData.Lee, false)], 60, at(2, 11)),
        ];
    }

    private static Task<DayKpis> Series(Pipeline pipeline, string rep, DateOnly day) => Task.FromResult(pipeline.Stores.DayCell(KpiDimension.Rep, rep, day));
}
