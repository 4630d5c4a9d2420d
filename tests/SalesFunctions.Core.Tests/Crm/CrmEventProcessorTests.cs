using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Crm;

public sealed class CrmEventProcessorTests
{
    private const string Connector = CrmEvents.Connector;
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Process_WhenDealsAreCreatedAndClosed_RollsUpPerformanceForTheOwnersRepTeamAndTenant()
    {
        var pipeline = NewPipeline();
        await ProcessAsync(pipeline,
            Event("e1", "deal", "d1", T0, ("createdAt", Iso(T0)), ("ownerId", "u-ava"), ("amount", "1000"), ("currency", "EUR")),
            Event("e2", "deal", "d1", T0.AddDays(3), ("status", "won"), ("closedAt", Iso(T0.AddDays(3)))),
            Event("e3", "deal", "d2", T0, ("createdAt", Iso(T0)), ("ownerId", "u-cy"), ("amount", "500")),
            Event("e4", "deal", "d2", T0.AddDays(3), ("status", "lost")),
            Event("e5", "deal", "d3", T0, ("createdAt", Iso(T0)), ("ownerId", "someone-unknown"), ("amount", "70")),
            Event("e6", "deal", "d3", T0.AddDays(3), ("status", "won")),
            Event("e7", "case", "c1", T0, ("openedAt", Iso(T0)), ("resolvedAt", Iso(T0.AddDays(3))), ("ownerId", "u-ava")));
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        var rows = pipeline.Stores.AllKpiRows();
        var created = Row(rows, KpiDimension.Tenant, "all", 0);
        Assert.Equal((3, 1), (created.DealsCreated, created.CasesOpened));
        Assert.Equal((1, 0, 1080m, 1), Perf(Row(rows, KpiDimension.Rep, "rep-ava", 3)));
        Assert.Equal((0, 1, 0m, 0), Perf(Row(rows, KpiDimension.Rep, "rep-cy", 3)));
        Assert.Equal((1, 0, 1080m, 1), Perf(Row(rows, KpiDimension.Team, "team-a", 3)));

        // The unmapped owner's deal counts for the tenant only; EUR converts at the configured rate.
        Assert.Equal((2, 1, 1150m, 1), Perf(Row(rows, KpiDimension.Tenant, "all", 3)));
    }

    [Fact]
    public async Task Process_WhenADealIsWonWeeksAfterItWasCreated_RecomputesTheCreationPeriodsCloseRate()
    {
        var pipeline = NewPipeline();
        await ProcessAsync(pipeline, Event("e1", "deal", "d1", T0, ("createdAt", Iso(T0)), ("ownerId", "u-ava"), ("amount", "100")));
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        var created = new KpiPeriod(KpiGrain.Day, DateOnly.FromDateTime(T0.UtcDateTime));
        Assert.Equal("closeRate=0", CloseRate(pipeline, created));

        // Far beyond the reply window the close day's neighbourhood reaches back: the status change marks the creation day.
        await ProcessAsync(pipeline, Event("e2", "deal", "d1", T0.AddDays(40), ("status", "won"), ("closedAt", Iso(T0.AddDays(40)))));
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal("closeRate=1", CloseRate(pipeline, created));
    }

    private static string CloseRate(Pipeline pipeline, KpiPeriod period) =>
        pipeline.Stores.AllKpiCells().Single(c => c.Period == period && c.Dimension == KpiDimension.Rep && c.Key == "rep-ava").Values
            .Split(';').Single(v => v.StartsWith("closeRate=", StringComparison.Ordinal));

    [Fact]
    public async Task Process_WhenTheSameEventArrivesAgain_ChangesNothingAndMarksNoDay()
    {
        var pipeline = NewPipeline();
        var deal = Event("e1", "deal", "d1", T0, ("createdAt", Iso(T0)), ("status", "won"), ("ownerId", "u-ava"), ("amount", "10"));
        await ProcessAsync(pipeline, deal);
        await pipeline.Rollup.RunAsync(CancellationToken.None);
        var saves = pipeline.Crm.Saves;

        await ProcessAsync(pipeline, deal, deal);

        Assert.Equal(saves, pipeline.Crm.Saves);
        Assert.Empty(pipeline.Stores.DirtyDays);
    }

    [Fact]
    public async Task Process_WhenAnOlderUpdateArrivesLate_KeepsTheNewerState()
    {
        var pipeline = NewPipeline();
        await ProcessAsync(pipeline,
            Event("e2", "deal", "d1", T0.AddHours(2), ("status", "won"), ("amount", "900")),
            Event("e1", "deal", "d1", T0.AddHours(1), ("status", "open"), ("amount", "800"), ("name", "Renewal")));

        var record = Assert.Single(pipeline.Crm.All);
        Assert.Equal(("won", "900", "Renewal"), (record[CrmFields.Status], record[CrmFields.Amount], record[CrmFields.Name]));
    }

    [Fact]
    public async Task Process_WhenTheConnectorWasRemoved_FailsWithTheReason_AndTheSameMessageAppliesOnceItIsBack()
    {
        var pipeline = NewPipeline();
        var connector = pipeline.CrmOptions.Connectors[Connector];
        var message = await StoreAsync(pipeline, Event("e1", "deal", "d1", T0, ("createdAt", Iso(T0)), ("ownerId", "u-ava")));
        pipeline.CrmOptions.Connectors.Remove(Connector);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Processor(pipeline).ProcessAsync(message, CancellationToken.None));
        Assert.Contains("no longer configured", error.Message, StringComparison.Ordinal);
        Assert.Empty(pipeline.Crm.All);

        // The fix, then the replay of the poison message: the stored payload is processed as if it had never failed.
        pipeline.CrmOptions.Connectors[Connector] = connector;
        await Processor(pipeline).ProcessAsync(message, CancellationToken.None);
        await pipeline.Rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, Row(pipeline.Stores.AllKpiRows(), KpiDimension.Rep, "rep-ava", 0).DealsCreated);
    }

    /// <summary>
    /// Any order, with any duplicates, ends in the state and KPIs of one in-order delivery: each field is a maximum
    /// over (version, value), which does not depend on the order it is taken in.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Process_WhenDeliveredShuffledWithDuplicates_EndsAsOneInOrderDelivery(int seed)
    {
        var random = new Random(seed);
        var events = History(random);
        var inOrder = NewPipeline();
        await ProcessAsync(inOrder, [.. events]);
        await inOrder.Rollup.RunAsync(CancellationToken.None);

        var shuffled = NewPipeline();
        var deliveries = events.Concat(events.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToArray();
        foreach (var batch in deliveries.Chunk(3))
        {
            await ProcessAsync(shuffled, batch);
            await shuffled.Rollup.RunAsync(CancellationToken.None);
        }

        Assert.Equal(Snapshot(inOrder.Crm.All), Snapshot(shuffled.Crm.All));
        Assert.Equal(Kpis(inOrder), Kpis(shuffled));
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    /// <summary>A few deals, each opened, moved, re-owned and closed (sometimes reopened and closed again), as events.</summary>
    private static List<string> History(Random random)
    {
        var events = new List<string>();
        var id = 0;
        for (var deal = 1; deal <= 4; deal++)
        {
            var at = T0.AddHours(random.Next(0, 48));
            var record = $"d{deal}";
            events.Add(Event($"e{++id}", "deal", record, at, ("createdAt", Iso(at)), ("ownerId", random.Next(2) == 0 ? "u-ava" : "u-cy"), ("amount", "100")));
            for (var step = 0; step < random.Next(1, 5); step++)
            {
                at = at.AddHours(random.Next(1, 60));
                events.Add(random.Next(4) switch
                {
                    0 => Event($"e{++id}", "deal", record, at, ("amount", (100 * random.Next(1, 9)).ToString(CultureInfo.InvariantCulture))),
                    1 => Event($"e{++id}", "deal", record, at, ("ownerId", random.Next(2) == 0 ? "u-ava" : "u-cy")),
                    2 => Event($"e{++id}", "deal", record, at, ("status", "won"), ("closedAt", Iso(at))),
                    _ => Event($"e{++id}", "deal", record, at, ("status", random.Next(2) == 0 ? "lost" : "open")),
                });
            }
        }

        return events;
    }

    [Fact]
    public async Task Process_WhenTheCrmPlacesAnUnmatchedSender_QueuesADelayedRematchThatMovesHistoryOnce()
    {
        var pipeline = NewPipeline();
        var queued = new List<RematchMessage>();
        pipeline.Queue.Setup(q => q.SendLaterAsync(QueueNames.Rematch, It.IsAny<RematchMessage>(), TimeSpan.FromSeconds(60), It.IsAny<CancellationToken>()))
            .Callback<string, RematchMessage, TimeSpan, CancellationToken>((_, m, _, _) => queued.Add(m)).Returns(Task.CompletedTask);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", "pat@gmail.com", [TestData.Ava]), CancellationToken.None);
        await pipeline.Scoring.ScoreAsync(TestData.Email("e2", TestData.Ava, ["it@globex.example"]), CancellationToken.None);

        await ProcessAsync(pipeline,
            Event("c1", "account", "9001", T0, ("name", "Globex"), ("domains", "globex.example")),
            Event("c2", "contact", "p1", T0, ("email", "pat@gmail.com"), ("accountId", "9001"), ("title", "VP Finance")));
        await ProcessAsync(pipeline, Event("c3", "contact", "p1", T0.AddHours(1), ("title", "CFO")));

        Assert.Equal(2, queued.Count);
        Assert.All(queued, m => Assert.Equal((TestData.Tenant, DateOnly.MinValue, true), (m.TenantId, m.From, m.RequestedAt is not null)));
        pipeline.Clock.Advance(TimeSpan.FromSeconds(60));
        var first = await pipeline.Rematch.RunAsync(queued[0], CancellationToken.None);
        var second = await pipeline.Rematch.RunAsync(queued[1], CancellationToken.None);

        Assert.Equal((2, 2), (first.Examined, first.Rewritten));
        Assert.Equal(new RewriteReport(0, 0, 0), second);
        Assert.All(pipeline.Stores.Activities, a => Assert.Equal("9001", Assert.Single(a.Externals).AccountId));
        Assert.Equal(AccountMatchMethod.Contact, pipeline.Stores.Activities.Single(a => a.ActivityId.EndsWith("e1", StringComparison.Ordinal)).Externals.Single().MatchedBy);
    }

    [Fact]
    public async Task Process_WhenARematchRanBeforeTheChange_RunsTheChangesOwnRematch()
    {
        var pipeline = NewPipeline();
        await pipeline.Rematch.RunAsync(TestData.Tenant, DateOnly.MinValue, CancellationToken.None);

        // Requested just before that run started, by a clock a little behind: within the allowance, so not covered.
        var late = new RematchMessage(TestData.Tenant, DateOnly.MinValue) { RequestedAt = pipeline.Clock.GetUtcNow() - AccountRematch.ClockAllowance / 2 };
        await pipeline.Scoring.ScoreAsync(TestData.Email("e1", "x@northwind.example", [TestData.Ava]), CancellationToken.None);

        var report = await pipeline.Rematch.RunAsync(late, CancellationToken.None);

        Assert.Equal(1, report.Examined);
    }

    [Fact]
    public async Task Process_WhenAnEarlierDeliverySavedTheContactButCrashedBeforeItsRematch_TheRedeliveryQueuesIt()
    {
        var pipeline = NewPipeline();
        var sends = 0;
        pipeline.Queue.Setup(q => q.SendLaterAsync(QueueNames.Rematch, It.IsAny<RematchMessage>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Callback(() => sends++).Returns(Task.CompletedTask);
        var contact = Event("c1", "contact", "p1", T0, ("email", "pat@gmail.com"), ("accountId", "9001"));
        await ProcessAsync(pipeline, contact);
        var record = (await pipeline.Crm.GetAsync(TestData.Tenant, CrmEntityKind.Contact, Connector, "p1", CancellationToken.None))!.Value.Record;

        // The same event again, as if it had never been marked processed; then a newer title-only change.
        await pipeline.Crm.ForgetProcessedAsync(TestData.Tenant, Connector);
        await ProcessAsync(pipeline, contact);
        await ProcessAsync(pipeline, Event("c2", "contact", "p1", T0.AddHours(1), ("title", "CFO")));

        Assert.Equal("pat@gmail.com", record[CrmFields.Email]);
        Assert.Equal(2, sends);
    }

    private static Pipeline NewPipeline() => CrmEvents.NewPipeline();

    private static Task ProcessAsync(Pipeline pipeline, params string[] events) => CrmEvents.ProcessAsync(pipeline, T0, events);

    private static CrmEventProcessor Processor(Pipeline pipeline) => CrmEvents.Processor(pipeline);

    private static Task<CrmMessage> StoreAsync(Pipeline pipeline, params string[] events) => CrmEvents.StoreAsync(pipeline, T0, events);

    private static string Event(string id, string entity, string recordId, DateTimeOffset at, params (string Name, string Value)[] fields) =>
        CrmEvents.Event(id, entity, recordId, at, fields);

    private static string Iso(DateTimeOffset at) => CrmEvents.Iso(at);

    private static DayKpis Row(List<DayRow> rows, KpiDimension dimension, string key, int dayOffset) =>
        rows.Single(r => r.Dimension == dimension && r.Key == key && r.Day == DateOnly.FromDateTime(T0.AddDays(dayOffset).UtcDateTime)).Values;

    private static (int Won, int Lost, decimal Revenue, int CasesResolved) Perf(DayKpis values) =>
        (values.DealsWon, values.DealsLost, values.RevenueWon, values.CasesResolved);

    private static List<string> Snapshot(IReadOnlyList<CrmRecord> records) =>
        [.. records.Select(r => $"{r.Kind}/{r.ExternalId}: " + string.Join(", ", r.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value.Value}@{f.Value.Version:O}")))];

    private static List<string> Kpis(Pipeline pipeline) =>
        [.. pipeline.Stores.AllKpiRows().Where(r => r.Values != DayKpis.Zero).OrderBy(r => r.Day).ThenBy(r => r.Dimension).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{r.Day} {r.Dimension} {r.Key} created={r.Values.DealsCreated} won={r.Values.DealsWon} lost={r.Values.DealsLost} revenue={r.Values.RevenueWon}")];
}
