using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Traces;
using SalesFunctions.Core.Tests.Fakes;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Sync;

public sealed class DeltaSyncServiceTests
{
    private static readonly SyncRequest Request = new(TestData.Tenant, TestData.Ava, SyncFolders.Inbox, "sweep");
    private readonly Mock<IMailboxDelta> _delta = new(MockBehavior.Strict);
    private readonly Mock<IMailboxReader> _reader = new(MockBehavior.Strict);
    private readonly Mock<IQueuePublisher> _queue = new();
    private readonly InMemorySyncStateStore _states = new();
    private readonly InMemoryStores _stores = new();
    private readonly List<Activity> _scored = [];
    private readonly InMemoryTraceStore _traces = new();

    public DeltaSyncServiceTests()
    {
        _stores.SaveAsync(TestData.Directory(), CancellationToken.None).GetAwaiter().GetResult();
        _queue.Setup(q => q.SendBatchAsync(QueueNames.Score, It.IsAny<IReadOnlyCollection<Activity>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyCollection<Activity>, CancellationToken>((_, a, _) => _scored.AddRange(a)).Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task SyncAsync_WhenRoundSpansPages_ScoresEveryActivitySavesEachCursorAndEndsSynced()
    {
        Page(null, [Message("<m1@x>"), Message("<m2@x>", draft: true)], next: "next-1");
        Page("next-1", [Message("<m3@x>")], delta: "delta-1");

        var state = await Service().SyncAsync(Request, CancellationToken.None);

        Assert.Equal((SyncStatus.Synced, "delta-1", 3L), (state.Status, state.Cursor, state.ItemsSeen));
        Assert.Equal([SyncStatus.Walking, SyncStatus.Synced], _states.Saved.Select(s => s.Status));
        Assert.Equal("next-1", _states.Saved[0].Cursor);
        Assert.Equal(2, _scored.Count);
    }

    [Fact]
    public async Task SyncAsync_WhenStoredCursorExpired_DropsItAndRunsAFullRound()
    {
        await _states.SaveAsync(SyncState.New(TestData.Tenant, TestData.Ava, SyncFolders.Inbox) with { Status = SyncStatus.Synced, Cursor = "old-delta" }, CancellationToken.None);
        _delta.Setup(d => d.GetPageAsync(TestData.Tenant, TestData.Ava, SyncFolders.Inbox, "old-delta", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SyncException(SyncFailureKind.CursorExpired, "410"));
        Page(null, [Message("<m1@x>")], delta: "delta-2");

        var state = await Service().SyncAsync(Request, CancellationToken.None);

        Assert.Equal((SyncStatus.Synced, "delta-2"), (state.Status, state.Cursor));
        Assert.Single(_scored);
    }

    [Theory]
    [InlineData(SyncFailureKind.PermissionDenied, false)]
    [InlineData(SyncFailureKind.NotFound, false)]
    [InlineData(SyncFailureKind.Throttled, true)]
    [InlineData(SyncFailureKind.Transient, true)]
    [InlineData(SyncFailureKind.Unknown, true)]
    public async Task SyncAsync_WhenAPageFails_RecordsTheKindAndRetriesOnlyWhatARetryCanFix(SyncFailureKind kind, bool rethrown)
    {
        Page(null, [Message("<m1@x>")], next: "next-1");
        _delta.Setup(d => d.GetPageAsync(TestData.Tenant, TestData.Ava, SyncFolders.Inbox, "next-1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SyncException(kind, "failed"));

        var thrown = await Record.ExceptionAsync(() => Service().SyncAsync(Request, CancellationToken.None));

        Assert.Equal(rethrown, thrown is SyncException);
        var saved = _states.Saved[^1];
        Assert.Equal((SyncStatus.Failed, kind, "next-1"), (saved.Status, saved.LastError, saved.Cursor));
    }

    [Fact]
    public async Task SyncAsync_WhenMorePagesThanOneRunMayWalk_ContinuesInANewMessageFromTheSavedCursor()
    {
        Page(null, [Message("<m1@x>")], next: "next-1");
        Page("next-1", [Message("<m2@x>")], next: "next-2");

        var state = await Service(maxPages: 2).SyncAsync(Request, CancellationToken.None);

        var continuation = Request with { Reason = "continue" };
        Assert.Equal((SyncStatus.Walking, "next-2"), (state.Status, state.Cursor));
        _queue.Verify(q => q.SendAsync(QueueNames.Sync, continuation, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SyncAsync_WhenScoreQueueFillsMidWalk_PausesAfterTheSavedPageAndContinuesLater()
    {
        Page(null, [Message("<m1@x>")], next: "next-1");
        _queue.SetupSequence(q => q.ApproximateDepthAsync(QueueNames.Score, It.IsAny<CancellationToken>())).ReturnsAsync(10).ReturnsAsync(11);

        var state = await Service(backlogLimit: 10).SyncAsync(Request, CancellationToken.None);

        Assert.Equal((SyncStatus.Walking, "next-1"), (state.Status, state.Cursor));
        Assert.Equal("next-1", _states.Saved[^1].Cursor);
        Assert.Single(_scored);
        var continuation = Request with { Reason = "continue" };
        _queue.Verify(q => q.SendLaterAsync(QueueNames.Sync, continuation, TimeSpan.FromSeconds(15), It.IsAny<CancellationToken>()), Times.Once);
        _delta.Verify(d => d.GetPageAsync(TestData.Tenant, TestData.Ava, SyncFolders.Inbox, "next-1", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SyncAsync_WhenBacklogLimitIsOff_NeverAsksForTheQueueDepth()
    {
        Page(null, [Message("<m1@x>")], delta: "delta-1");

        await Service(backlogLimit: 0).SyncAsync(Request, CancellationToken.None);

        _queue.Verify(q => q.ApproximateDepthAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SyncAsync_WhenPageHasNeitherLink_FailsAsUnknownInsteadOfLooping()
    {
        Page(null, [Message("<m1@x>")]);

        var error = await Assert.ThrowsAsync<SyncException>(() => Service().SyncAsync(Request, CancellationToken.None));

        Assert.Equal(SyncFailureKind.Unknown, error.Kind);
        Assert.Equal((SyncStatus.Failed, SyncFailureKind.Unknown), (_states.Saved[^1].Status, _states.Saved[^1].LastError));
    }

    [Fact]
    public async Task SyncAsync_WhenPageHasItems_TracesEachWithItsActivityKeyAndOutcome()
    {
        Page(null, [Message("<m1@x>"), Message("<m2@x>", draft: true)], delta: "delta-1");

        await Service().SyncAsync(Request, CancellationToken.None);

        var traces = _traces.All.OrderBy(t => t.ItemId, StringComparer.Ordinal).ToList();
        Assert.Equal([CaptureOutcome.Queued, CaptureOutcome.Draft], traces.Select(t => t.Outcome));
        Assert.Equal(ActivityIds.ForEmail(TestData.Tenant, "<m1@x>"), traces[0].Key);
        Assert.All(traces, t => Assert.Equal((TraceStage.Synced, SyncFolders.Inbox, TraceKeys.Mailbox(TestData.Ava)), (t.Stage, t.Folder, t.MailboxHash)));
    }

    [Fact]
    public async Task SyncAsync_WhenDiscoveringFolders_QueuesEachFiledFolderAndForgetsOnlyThisMailboxsVanishedOnes()
    {
        var queued = new List<SyncRequest>();
        _queue.Setup(q => q.SendBatchAsync(QueueNames.Sync, It.IsAny<IReadOnlyCollection<SyncRequest>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyCollection<SyncRequest>, CancellationToken>((_, r, _) => queued.AddRange(r)).Returns(Task.CompletedTask);
        _delta.Setup(d => d.ListFiledFoldersAsync(TestData.Tenant, TestData.Ava, It.IsAny<CancellationToken>())).ReturnsAsync(["AAMkF1", "AAMkF2"]);
        await _states.SaveAsync(SyncState.New(TestData.Tenant, TestData.Ava, "AAMkGone") with { Cursor = "d" }, CancellationToken.None);
        await _states.SaveAsync(SyncState.New(TestData.Tenant, TestData.Ava, "AAMkF1") with { Cursor = "d" }, CancellationToken.None);
        await _states.SaveAsync(SyncState.New(TestData.Tenant, TestData.Ava, SyncFolders.Inbox) with { Cursor = "d" }, CancellationToken.None);
        await _states.SaveAsync(SyncState.New(TestData.Tenant, TestData.Kim, "AAMkKims") with { Cursor = "d" }, CancellationToken.None);

        var state = await Service().SyncAsync(Request with { Folder = SyncFolders.Discover, Reason = "onboarding" }, CancellationToken.None);

        Assert.Equal((SyncStatus.Synced, 2L), (state.Status, state.ItemsSeen));
        Assert.Equal([("AAMkF1", "onboarding"), ("AAMkF2", "onboarding")], queued.Select(r => (r.Folder, r.Reason)));
        var left = (await _states.ListAsync(TestData.Tenant, CancellationToken.None)).Select(s => s.Folder).Order().ToList();
        Assert.Equal(["AAMkF1", "AAMkKims", SyncFolders.Discover, SyncFolders.Inbox], left);
    }

    [Theory]
    [InlineData(SyncFailureKind.Throttled, true)]
    [InlineData(SyncFailureKind.PermissionDenied, false)]
    public async Task SyncAsync_WhenFolderListFails_RecordsTheKindAndRethrowsOnlyWhatARetryCanFix(SyncFailureKind kind, bool rethrown)
    {
        _delta.Setup(d => d.ListFiledFoldersAsync(TestData.Tenant, TestData.Ava, It.IsAny<CancellationToken>())).ThrowsAsync(new SyncException(kind, "x"));

        var run = Service().SyncAsync(Request with { Folder = SyncFolders.Discover }, CancellationToken.None);

        Assert.Equal(rethrown, await Record.ExceptionAsync(() => run) is SyncException);
        var state = Assert.Single(_states.Saved);
        Assert.Equal((SyncStatus.Failed, (SyncFailureKind?)kind), (state.Status, state.LastError));
    }

    [Fact]
    public async Task SyncAsync_WhenDeltaItemsLackTheirStableIds_ReadsThemByIdBeforeDeciding()
    {
        var message = Message("<m1@x>") with { Id = "graph-m1", InternetMessageId = null };
        var gone = Message("<m2@x>") with { Id = "graph-m2", InternetMessageId = null };
        var start = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        var meeting = new EventMetadata("graph-e1", null, new MailAddress(TestData.Ava), [new EventAttendee(TestData.Kim, "accepted")], start, start.AddMinutes(30), false, false, "occurrence");
        _delta.Setup(d => d.GetPageAsync(TestData.Tenant, TestData.Ava, SyncFolders.Inbox, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeltaPage([message, gone, Message("<m3@x>")], [meeting], 0, null, "delta-1"));
        _reader.Setup(r => r.GetMessageAsync(TestData.Tenant, TestData.Ava, "graph-m1", It.IsAny<CancellationToken>())).ReturnsAsync(message with { InternetMessageId = "<m1@x>" });
        _reader.Setup(r => r.GetMessageAsync(TestData.Tenant, TestData.Ava, "graph-m2", It.IsAny<CancellationToken>())).ReturnsAsync((MessageMetadata?)null);
        _reader.Setup(r => r.GetEventAsync(TestData.Tenant, TestData.Ava, "graph-e1", It.IsAny<CancellationToken>())).ReturnsAsync(meeting with { ICalUId = "ical-1" });

        await Service().SyncAsync(Request, CancellationToken.None);

        Assert.Equal([ActivityIds.ForEmail(TestData.Tenant, "<m1@x>"), ActivityIds.ForEmail(TestData.Tenant, "<m3@x>"), ActivityIds.ForMeeting(TestData.Tenant, "ical-1")],
            _scored.Select(a => a.ActivityId));
        _reader.Verify(r => r.GetMessageAsync(TestData.Tenant, TestData.Ava, "<m3@x>", It.IsAny<CancellationToken>()), Times.Never);
    }

    private DeltaSyncService Service(int maxPages = 20, int backlogLimit = 2000) => new(_delta.Object, _reader.Object, _states, new TenantDirectoryCache(_stores, TestClock.Provider), _queue.Object,
        new CaptureTracer(_traces, NullLogger<CaptureTracer>.Instance), Options.Create(new SyncOptions { MaxPagesPerRun = maxPages, ScoreBacklogLimit = backlogLimit }), TestClock.Provider, NullLogger<DeltaSyncService>.Instance);

    private void Page(string? link, MessageMetadata[] messages, string? next = null, string? delta = null) =>
        _delta.Setup(d => d.GetPageAsync(TestData.Tenant, TestData.Ava, SyncFolders.Inbox, link, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeltaPage(messages, [], 0, next, delta));

    private static MessageMetadata Message(string id, bool draft = false) => new(id, id, "c", new MailAddress(TestData.Kim), [new MailAddress(TestData.Ava)], [],
        new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero), null, draft);
}
