using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Traces;
using SalesFunctions.Core.Tests.Fakes;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Capture;

public sealed class NotificationIntakeTests
{
    private const string FixtureTenant = "84bd8158-6d4d-4958-8b9f-9d6445542f95";
    private readonly Mock<ISubscriptionStore> _subscriptions = new();
    private readonly Mock<IQueuePublisher> _queue = new();
    private readonly InMemoryTraceStore _traces = new();
    private readonly List<CaptureRequest> _queued = [];

    public NotificationIntakeTests() =>
        _queue.Setup(q => q.SendBatchAsync(QueueNames.Capture, It.IsAny<IReadOnlyCollection<CaptureRequest>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyCollection<CaptureRequest>, CancellationToken>((_, requests, _) => _queued.AddRange(requests))
            .Returns(Task.CompletedTask);

    [Fact]
    public async Task AcceptAsync_WhenPublishedExampleMatchesTheStoredClientState_QueuesItForTheStoredMailbox()
    {
        Store("{subscription_guid}", "secretClientValue", "rep@contoso-sales.example", MailboxResource.Messages);

        var result = await Intake.AcceptAsync(await Fixture(), CancellationToken.None);

        Assert.Equal(new IntakeResult(1, 0, 0), result);
        var request = Assert.Single(_queued);
        Assert.Equal(new CaptureRequest(FixtureTenant, "rep@contoso-sales.example", MailboxResource.Messages, "{long_id_string}", "created", "{subscription_guid}"), request);
    }

    [Fact]
    public async Task AcceptAsync_WhenClientStateWrong_RejectsAndQueuesNothing()
    {
        Store("{subscription_guid}", "another-secret", "rep@contoso-sales.example", MailboxResource.Messages);

        var result = await Intake.AcceptAsync(await Fixture(), CancellationToken.None);

        Assert.Equal(new IntakeResult(0, 1, 0), result);
        _queue.Verify(q => q.SendBatchAsync(It.IsAny<string>(), It.IsAny<IReadOnlyCollection<CaptureRequest>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AcceptAsync_WhenBatchMixesSubscriptionsAndLifecycleEvents_HandlesEachItemAndLooksEachSubscriptionUpOnce()
    {
        Store("sub-m", "s1", "ava@contoso-sales.example", MailboxResource.Messages);
        Store("sub-e", "s2", "bo@contoso-sales.example", MailboxResource.Events);
        var body = """
            {"value":[
              {"subscriptionId":"sub-m","clientState":"s1","changeType":"created","tenantId":"t1","resourceData":{"id":"m1"}},
              {"subscriptionId":"sub-e","clientState":"s2","changeType":"updated","tenantId":"t1","resourceData":{"id":"e1"}},
              {"subscriptionId":"sub-m","clientState":"s1","changeType":"created","tenantId":"t1","resourceData":{"id":"m2"}},
              {"subscriptionId":"sub-m","clientState":"s1","tenantId":"t1","lifecycleEvent":"missed"},
              {"subscriptionId":"sub-x","clientState":"s1","changeType":"created","tenantId":"t1","resourceData":{"id":"m3"}}
            ]}
            """;

        var result = await Intake.AcceptAsync(Encoding.UTF8.GetBytes(body), CancellationToken.None);

        Assert.Equal(new IntakeResult(3, 1, 1), result);
        Assert.Equal([("ava@contoso-sales.example", "m1"), ("bo@contoso-sales.example", "e1"), ("ava@contoso-sales.example", "m2")], _queued.Select(r => (r.Mailbox, r.ItemId)));
        _subscriptions.Verify(s => s.FindAsync("t1", "sub-m", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    public async Task AcceptAsync_WhenNotANotificationCollection_Throws(string body) =>
        await Assert.ThrowsAsync<InvalidNotificationException>(() => Intake.AcceptAsync(Encoding.UTF8.GetBytes(body), CancellationToken.None));

    [Fact]
    public async Task AcceptAsync_WhenQueueUnavailable_LetsTheFailureThroughSoGraphRetries()
    {
        Store("{subscription_guid}", "secretClientValue", "rep@contoso-sales.example", MailboxResource.Messages);
        _queue.Setup(q => q.SendBatchAsync(It.IsAny<string>(), It.IsAny<IReadOnlyCollection<CaptureRequest>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage down"));

        await Assert.ThrowsAsync<IOException>(async () => await Intake.AcceptAsync(await Fixture(), CancellationToken.None));
    }

    [Fact]
    public void ClientStates_WhenComparing_MatchOnlyTheSameSecret()
    {
        var secret = ClientStates.NewSecret();

        Assert.True(ClientStates.Matches(secret, ClientStates.Hash(secret)));
        Assert.False(ClientStates.Matches(secret + "x", ClientStates.Hash(secret)));
        Assert.False(ClientStates.Matches(null, ClientStates.Hash(secret)));
        Assert.InRange(secret.Length, 40, 255);
        Assert.Matches("^[A-Za-z0-9_-]+$", secret);
        Assert.NotEqual(secret, ClientStates.NewSecret());
    }

    private NotificationIntake Intake => new(new SubscriptionLookup(_subscriptions.Object), _queue.Object, new CaptureTracer(_traces, NullLogger<CaptureTracer>.Instance), TestClock.Provider,
        Pipeline.Metrics, NullLogger<NotificationIntake>.Instance);

    private void Store(string subscriptionId, string clientState, string mailbox, MailboxResource resource) =>
        _subscriptions.Setup(s => s.FindAsync(It.IsAny<string>(), subscriptionId, It.IsAny<CancellationToken>()))
            .ReturnsAsync((string tenant, string id, CancellationToken _) => new SubscriptionRecord(tenant, id, mailbox, resource, ClientStates.Hash(clientState), TestClock.Now.AddDays(1)));

    private static async Task<byte[]> Fixture() => await File.ReadAllBytesAsync(Fixtures.Path("graph", "notification-message-created-basic.json"));
}
