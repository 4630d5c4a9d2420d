using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Subscriptions;

public sealed class SubscriptionMaintenanceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Mock<ISubscriptionClient> _graph = new(MockBehavior.Strict);
    private readonly InMemorySubscriptionStore _store = new();
    private SubscriptionLookup? _lookup;
    private readonly SubscriptionOptions _options = new() { NotificationUrl = new Uri("https://app.example/api/graph/notifications"), LifetimeMinutes = 4230, RenewWhenMinutesLeft = 1440 };
    private readonly Mock<IQueuePublisher> _queue = new();
    private readonly List<SyncRequest> _queued = [];
    private int _created;

    public SubscriptionMaintenanceTests()
    {
        _graph.Setup(g => g.CreateAsync("t1", It.IsAny<SubscriptionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, SubscriptionRequest r, CancellationToken _) => new CreatedSubscription($"new-{++_created}", r.ExpiresAt));
        _queue.Setup(q => q.SendBatchAsync(QueueNames.Sync, It.IsAny<IReadOnlyCollection<SyncRequest>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyCollection<SyncRequest>, CancellationToken>((_, r, _) => _queued.AddRange(r)).Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task AddMailboxAsync_WhenNew_SubscribesToMessagesAndEventsThenQueuesTheInitialSyncOfEveryFolder()
    {
        var created = await Onboarding.AddMailboxAsync("t1", "ava@contoso-sales.example", CancellationToken.None);

        Assert.Equal([MailboxResource.Messages, MailboxResource.Events], created.Select(c => c.Resource));
        Assert.Equal(SyncFolders.All.Order(), _queued.Select(r => r.Folder).Order());
        Assert.All(_queued, r => Assert.Equal(("t1", "ava@contoso-sales.example", "onboarding"), (r.TenantId, r.Mailbox, r.Reason)));
    }

    [Fact]
    public async Task RenewDueAsync_WhenSomeExpireWithinTheWindow_RenewsOnlyThose()
    {
        await Save("soon", Now.AddHours(10));
        await Save("later", Now.AddHours(30));
        _graph.Setup(g => g.RenewAsync("t1", "soon", Now.AddMinutes(4230), It.IsAny<CancellationToken>())).ReturnsAsync(new CreatedSubscription("soon", Now.AddMinutes(4230)));

        var run = await Maintenance.RenewDueAsync(CancellationToken.None);

        Assert.Equal(new RenewalRun(1, 0), run);
        Assert.Equal(Now.AddMinutes(4230), (await _store.FindAsync("t1", "soon", CancellationToken.None))!.ExpiresAt);
        Assert.Equal(Now.AddHours(30), (await _store.FindAsync("t1", "later", CancellationToken.None))!.ExpiresAt);
        _graph.Verify(g => g.RenewAsync("t1", "later", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RenewDueAsync_WhenGraphNoLongerHasIt_RecreatesWithANewSecretAndDropsTheOldRecord()
    {
        var old = await Save("gone", Now.AddHours(1));
        _graph.Setup(g => g.RenewAsync("t1", "gone", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync((CreatedSubscription?)null);
        _graph.Setup(g => g.DeleteAsync("t1", "gone", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var run = await Maintenance.RenewDueAsync(CancellationToken.None);

        Assert.Equal(new RenewalRun(0, 1), run);
        var replacement = Assert.Single(_store.All);
        Assert.Equal(("new-1", old.Mailbox, old.Resource), (replacement.SubscriptionId, replacement.Mailbox, replacement.Resource));
        Assert.NotEqual(old.ClientStateHash, replacement.ClientStateHash);
    }

    [Fact]
    public async Task CreateAsync_WhenGraphReportsAConflictWithOneOfOurs_AdoptsAndRenewsIt()
    {
        var ours = await Save("existing-1", Now.AddHours(5));
        _graph.Setup(g => g.CreateAsync("t1", It.IsAny<SubscriptionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SubscriptionConflictException("exists") { ExistingSubscriptionId = "existing-1" });
        _graph.Setup(g => g.RenewAsync("t1", "existing-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(new CreatedSubscription("existing-1", Now.AddMinutes(4230)));

        var adopted = await Onboarding.CreateAsync("t1", ours.Mailbox, ours.Resource, CancellationToken.None);

        Assert.Equal("existing-1", adopted.SubscriptionId);
        Assert.Equal(ours.ClientStateHash, adopted.ClientStateHash);
        Assert.Equal(Now.AddMinutes(4230), Assert.Single(_store.All).ExpiresAt);
    }

    [Fact]
    public async Task CreateAsync_WhenGraphReportsAConflictWithOneWeHaveNoSecretFor_ReplacesIt()
    {
        var calls = 0;
        _graph.Setup(g => g.CreateAsync("t1", It.IsAny<SubscriptionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, SubscriptionRequest r, CancellationToken _) => ++calls == 1
                ? throw new SubscriptionConflictException("exists") { ExistingSubscriptionId = "foreign" }
                : new CreatedSubscription("fresh", r.ExpiresAt));
        _graph.Setup(g => g.DeleteAsync("t1", "foreign", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var created = await Onboarding.CreateAsync("t1", "ava@contoso-sales.example", MailboxResource.Events, CancellationToken.None);

        Assert.Equal("fresh", created.SubscriptionId);
        _graph.Verify(g => g.DeleteAsync("t1", "foreign", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("reauthorizationRequired", "sub-1", 0)]
    [InlineData("subscriptionRemoved", "new-1", 4)]
    [InlineData("missed", "sub-1", 4)]
    public async Task HandleAsync_WhenLifecycleEvent_RenewsRecreatesOrResyncsTheMailbox(string lifecycleEvent, string expectedId, int syncRequests)
    {
        await Save("sub-1", Now.AddHours(40));
        _graph.Setup(g => g.RenewAsync("t1", "sub-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(new CreatedSubscription("sub-1", Now.AddMinutes(4230)));
        _graph.Setup(g => g.DeleteAsync("t1", "sub-1", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var lifecycle = new LifecycleService(_store, Maintenance, Sync, NullLogger<LifecycleService>.Instance);

        await lifecycle.HandleAsync(new LifecycleNotice("t1", "sub-1", lifecycleEvent), CancellationToken.None);
        await lifecycle.HandleAsync(new LifecycleNotice("t1", "unknown", lifecycleEvent), CancellationToken.None);

        Assert.Equal(expectedId, Assert.Single(_store.All).SubscriptionId);
        Assert.Equal(syncRequests, _queued.Count);
        Assert.All(_queued, r => Assert.Equal(("ava@contoso-sales.example", lifecycleEvent), (r.Mailbox, r.Reason)));
    }

    private SyncScheduler Sync => new(_store, _queue.Object, NullLogger<SyncScheduler>.Instance);

    private SubscriptionLookup Lookup => _lookup ??= new SubscriptionLookup(_store);

    private MailboxOnboarding Onboarding
    {
        get
        {
            var directories = new InMemoryStores();
            return new(_graph.Object, _store, Lookup, Sync, Mock.Of<IMailboxUserReader>(), new TenantDirectoryService(directories, new TenantDirectoryCache(directories, _time), _queue.Object),
                Options.Create(_options), _time, NullLogger<MailboxOnboarding>.Instance);
        }
    }

    private SubscriptionMaintenance Maintenance => new(_graph.Object, _store, Lookup, Onboarding, Options.Create(_options), _time, NullLogger<SubscriptionMaintenance>.Instance);

    private async Task<SubscriptionRecord> Save(string id, DateTimeOffset expiresAt)
    {
        var record = new SubscriptionRecord("t1", id, "ava@contoso-sales.example", MailboxResource.Messages, ClientStates.Hash("secret-" + id), expiresAt);
        await _store.SaveAsync(record, CancellationToken.None);
        return record;
    }
}
