using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Traces;
using SalesFunctions.Core.Tests.Fakes;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Capture;

public sealed class CaptureServiceTests
{
    private readonly Mock<IMailboxReader> _mailboxes = new(MockBehavior.Strict);
    private readonly Mock<ICallRecordReader> _calls = new(MockBehavior.Strict);
    private readonly Mock<IQueuePublisher> _queue = new();
    private readonly InMemoryStores _stores = new();
    private readonly InMemoryTraceStore _traces = new();

    public CaptureServiceTests() => _stores.SaveAsync(TestData.Directory(), CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public async Task CaptureAsync_WhenMessageHasAnExternalRecipient_QueuesTheActivityForScoring()
    {
        _mailboxes.Setup(m => m.GetMessageAsync(TestData.Tenant, TestData.Ava, "m1", It.IsAny<CancellationToken>())).ReturnsAsync(Message(isDraft: false));

        var outcome = await Service.CaptureAsync(Request(MailboxResource.Messages, "m1"), CancellationToken.None);

        Assert.Equal(CaptureOutcome.Queued, outcome);
        _queue.Verify(q => q.SendAsync(QueueNames.Score, It.Is<Activity>(a => a.Kind == ActivityKind.Email && a.Direction == ActivityDirection.Outbound), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(0, null, 30)]
    [InlineData(2, 5, 120)]
    [InlineData(3, 600, 600)]
    [InlineData(7, null, 900)]
    public async Task CaptureAsync_WhenGraphThrottlesBeyondTheSdkRetries_DefersTheReadWithBackOffAndRetryAfter(int deferrals, int? retryAfter, int delaySeconds)
    {
        var request = Request(MailboxResource.Messages, "m1") with { Deferrals = deferrals };
        _mailboxes.Setup(m => m.GetMessageAsync(TestData.Tenant, TestData.Ava, "m1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new GraphThrottledException("throttled") { RetryAfter = retryAfter is { } s ? TimeSpan.FromSeconds(s) : null });

        var deferred = request with { Deferrals = deferrals + 1 };

        Assert.Equal(CaptureOutcome.Deferred, await Service.CaptureAsync(request, CancellationToken.None));

        _queue.Verify(q => q.SendLaterAsync(QueueNames.Capture, deferred, TimeSpan.FromSeconds(delaySeconds), It.IsAny<CancellationToken>()), Times.Once);
        _queue.VerifyNoOtherCalls();
        Assert.Empty(_traces.All);
    }

    [Fact]
    public async Task CaptureAsync_WhenThrottledAfterTheLastDeferral_FailsSoThatTheQueueRetriesAndPoisonsWithTheReason()
    {
        _mailboxes.Setup(m => m.GetMessageAsync(TestData.Tenant, TestData.Ava, "m1", It.IsAny<CancellationToken>())).ThrowsAsync(new GraphThrottledException("throttled"));

        await Assert.ThrowsAsync<GraphThrottledException>(() => Service.CaptureAsync(Request(MailboxResource.Messages, "m1") with { Deferrals = CaptureService.MaxDeferrals }, CancellationToken.None));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CaptureAsync_WhenDraft_QueuesNothing()
    {
        _mailboxes.Setup(m => m.GetMessageAsync(TestData.Tenant, TestData.Ava, "m1", It.IsAny<CancellationToken>())).ReturnsAsync(Message(isDraft: true));

        Assert.Equal(CaptureOutcome.Draft, await Service.CaptureAsync(Request(MailboxResource.Messages, "m1"), CancellationToken.None));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CaptureAsync_WhenItemGoneBeforeWeRead_IsGone()
    {
        _mailboxes.Setup(m => m.GetEventAsync(TestData.Tenant, TestData.Ava, "e1", It.IsAny<CancellationToken>())).ReturnsAsync((EventMetadata?)null);

        Assert.Equal(CaptureOutcome.Gone, await Service.CaptureAsync(Request(MailboxResource.Events, "e1"), CancellationToken.None));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CaptureAsync_WhenEventIsASeriesMaster_SyncsTheCalendarToFindTheOccurrences()
    {
        _mailboxes.Setup(m => m.GetEventAsync(TestData.Tenant, TestData.Ava, "e1", It.IsAny<CancellationToken>())).ReturnsAsync(new EventMetadata(
            "e1", "ical-1", new MailAddress(TestData.Ava), [new EventAttendee(TestData.Kim, "accepted")],
            new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 5, 9, 30, 0, TimeSpan.Zero), false, false, "seriesMaster"));

        var outcome = await Service.CaptureAsync(Request(MailboxResource.Events, "e1"), CancellationToken.None);

        Assert.Equal(CaptureOutcome.SeriesMaster, outcome);
        _queue.Verify(q => q.SendAsync(QueueNames.Sync, new SyncRequest(TestData.Tenant, TestData.Ava, SyncFolders.Calendar, "recurring"), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.SendAsync(QueueNames.Score, It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CaptureAsync_WhenChangeIsADeletion_NeitherReadsGraphNorQueues()
    {
        var outcome = await Service.CaptureAsync(Request(MailboxResource.Messages, "m1") with { ChangeType = "deleted" }, CancellationToken.None);

        Assert.Equal(CaptureOutcome.Deleted, outcome);
        _mailboxes.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CaptureAsync_WhenTenantHasNoDirectory_FailsWithAReasonForThePoisonQueue() =>
        await Assert.ThrowsAsync<TenantNotConfiguredException>(() =>
            Service.CaptureAsync(Request(MailboxResource.Messages, "m1") with { TenantId = "tenant-unknown" }, CancellationToken.None));

    [Fact]
    public async Task CaptureAsync_WhenACallRecordIsNotifiedOrGone_QueuesTheCallOrRecordsItGone()
    {
        var start = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        _calls.Setup(c => c.GetCallRecordAsync(TestData.Tenant, "cr-1", It.IsAny<CancellationToken>())).ReturnsAsync(new CallRecordMetadata(
            "cr-1", "peerToPeer", ["audio"], start, start.AddMinutes(9), null, new CallIdentity(CallIdentityKind.User, null, TestData.Ava),
            [new CallIdentity(CallIdentityKind.User, null, TestData.Ava), new CallIdentity(CallIdentityKind.User, null, TestData.Kim, "other-tenant")]));
        _calls.Setup(c => c.GetCallRecordAsync(TestData.Tenant, "cr-old", It.IsAny<CancellationToken>())).ReturnsAsync((CallRecordMetadata?)null);

        var request = new CaptureRequest(TestData.Tenant, CallCapture.Scope, MailboxResource.CallRecords, "cr-1", "created", "sub-calls");
        Assert.Equal(CaptureOutcome.Queued, await Service.CaptureAsync(request, CancellationToken.None));
        Assert.Equal(CaptureOutcome.Gone, await Service.CaptureAsync(request with { ItemId = "cr-old" }, CancellationToken.None));

        _queue.Verify(q => q.SendAsync(QueueNames.Score, It.Is<Activity>(a => a.Kind == ActivityKind.Call && a.DurationMinutes == 9 && a.Externals.Single().Email == TestData.Kim),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private CaptureService Service => new(_mailboxes.Object, _calls.Object, new TenantDirectoryCache(_stores, TestClock.Provider), _queue.Object,
        new CaptureTracer(_traces, NullLogger<CaptureTracer>.Instance), TestClock.Provider, Pipeline.Metrics, Microsoft.Extensions.Options.Options.Create(new CaptureOptions()), NullLogger<CaptureService>.Instance);

    private static CaptureRequest Request(MailboxResource resource, string id) => new(TestData.Tenant, TestData.Ava, resource, id, "created", "sub-1");

    private static MessageMetadata Message(bool isDraft) => new("m1", "<m1@x>", "c1", new MailAddress(TestData.Ava), [new MailAddress(TestData.Kim)], [],
        new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero), null, isDraft);
}
