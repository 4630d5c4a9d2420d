using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Calls;

/// <summary>Starting Teams call capture subscribes once per tenant; the PSTN sweep reads the log of those tenants only.</summary>
public sealed class CallCaptureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Mock<ISubscriptionClient> _graph = new(MockBehavior.Strict);
    private readonly Mock<ICallRecordReader> _calls = new(MockBehavior.Strict);
    private readonly Mock<IQueuePublisher> _queue = new();
    private readonly InMemorySubscriptionStore _subscriptions = new();
    private readonly InMemoryStores _stores = new();
    private readonly List<SubscriptionRequest> _requests = [];

    public CallCaptureTests()
    {
        _stores.SaveAsync(TestData.Directory(), CancellationToken.None).GetAwaiter().GetResult();
        _graph.Setup(g => g.CreateAsync(TestData.Tenant, It.IsAny<SubscriptionRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, SubscriptionRequest, CancellationToken>((_, r, _) => _requests.Add(r))
            .ReturnsAsync((string _, SubscriptionRequest r, CancellationToken _) => new CreatedSubscription($"sub-{_requests.Count}", r.ExpiresAt));
    }

    [Fact]
    public async Task StartAsync_WhenCalledTwice_SubscribesToCallRecordsOnceWithChangeTypeUpdated()
    {
        var first = await Capture.StartAsync(TestData.Tenant, CancellationToken.None);
        var second = await Capture.StartAsync(TestData.Tenant, CancellationToken.None);

        var request = Assert.Single(_requests);
        Assert.Equal(("communications/callRecords", "updated"), (request.Resource, request.ChangeType));
        Assert.Equal((MailboxResource.CallRecords, CallCapture.Scope), (first.Resource, first.Mailbox));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task StartAsync_WhenTheTenantHasNoDirectory_Throws() =>
        await Assert.ThrowsAsync<TenantNotConfiguredException>(() => Capture.StartAsync("tenant-unknown", CancellationToken.None));

    [Fact]
    public async Task SweepPstnAsync_WhenATenantCapturesCalls_QueuesItsCallsOfTheLookbackAndSkipsConferenceLegs()
    {
        await Capture.StartAsync(TestData.Tenant, CancellationToken.None);
        await _subscriptions.SaveAsync(new SubscriptionRecord("tenant-mail-only", "sub-m", TestData.Ava, MailboxResource.Messages, "h", Now.AddDays(1)), CancellationToken.None);
        var rows = new[]
        {
            new PstnCallRow("1", null, TestData.Ava, "user_out", Now.AddHours(-3), Now.AddHours(-3).AddMinutes(4), "+12065550100", "+442079460000", 240),
            new PstnCallRow("2", null, TestData.Ava, "conf_in", Now.AddHours(-2), null, "+442079460001", "+12065550100", 600),
        };
        _calls.Setup(c => c.GetPstnCallsAsync(TestData.Tenant, Now.AddHours(-48), Now, It.IsAny<CancellationToken>())).Returns(rows.ToAsyncEnumerable());

        var sent = await Capture.SweepPstnAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        _queue.Verify(q => q.SendAsync(QueueNames.Score, It.Is<Activity>(a => a.CallSource == "pstn" && a.DurationMinutes == 4), It.IsAny<CancellationToken>()), Times.Once);
        _calls.Verify(c => c.GetPstnCallsAsync("tenant-mail-only", It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DeltaSweep_WhenATenantCapturesCalls_WalksItsMailboxesButNotTheCallRecordsScope()
    {
        await Capture.StartAsync(TestData.Tenant, CancellationToken.None);
        await _subscriptions.SaveAsync(new SubscriptionRecord(TestData.Tenant, "sub-m", TestData.Ava, MailboxResource.Messages, "h", Now.AddDays(1)), CancellationToken.None);
        var queued = new List<SyncRequest>();
        _queue.Setup(q => q.SendBatchAsync(QueueNames.Sync, It.IsAny<IReadOnlyCollection<SyncRequest>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyCollection<SyncRequest>, CancellationToken>((_, r, _) => queued.AddRange(r)).Returns(Task.CompletedTask);

        var swept = await new SyncScheduler(_subscriptions, _queue.Object, NullLogger<SyncScheduler>.Instance).SweepAsync(CancellationToken.None);

        Assert.Equal(1, swept);
        Assert.All(queued, r => Assert.Equal(TestData.Ava, r.Mailbox));
    }

    private CallCapture Capture => new(
        new MailboxOnboarding(_graph.Object, _subscriptions, new SubscriptionLookup(_subscriptions), new SyncScheduler(_subscriptions, _queue.Object, NullLogger<SyncScheduler>.Instance),
            Mock.Of<IMailboxUserReader>(), new TenantDirectoryService(_stores, new TenantDirectoryCache(_stores, _time), _queue.Object),
            Options.Create(new SubscriptionOptions { NotificationUrl = new Uri("https://app.example/api/graph/notifications") }), _time, NullLogger<MailboxOnboarding>.Instance),
        _subscriptions, _calls.Object, new TenantDirectoryCache(_stores, _time), _queue.Object, Options.Create(new CallOptions()), _time, NullLogger<CallCapture>.Instance);
}
