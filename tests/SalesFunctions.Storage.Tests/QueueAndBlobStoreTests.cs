using Azure.Storage.Queues;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Storage.Tests;

public sealed class QueueAndBlobStoreTests : StorageTestBase
{
    [Fact]
    public async Task SendAsync_WhenMessageSent_WritesBase64JsonAsTheFunctionsTriggerReadsIt()
    {
        await Get<IQueuePublisher>().SendAsync(QueueNames.Capture, new { tenantId = "tenant-a", itemId = "AAMk1" }, CancellationToken.None);

        // A client without Base64 decoding sees the raw message text the Functions host receives.
        var raw = new QueueClient(AzuriteStorage.ConnectionString, Get<StorageNames>().Queue(QueueNames.Capture));
        var text = (await raw.ReceiveMessageAsync()).Value.Body.ToString();

        Assert.Equal("""{"tenantId":"tenant-a","itemId":"AAMk1"}""", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text)));
    }

    [Fact]
    public async Task SendAsync_WhenMessageOverTheQueueLimit_ThrowsNamingQueueAndSize()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Get<IQueuePublisher>().SendAsync(QueueNames.Score, new { blob = new string('x', 50 * 1024) }, CancellationToken.None));

        Assert.Contains("'score'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Get<StorageQueues>().GetApproximateDepthsAsync(CancellationToken.None))[QueueNames.Score]);
    }

    [Fact]
    public async Task GetApproximateDepthsAsync_WhenMessagesQueued_CountsThemPerLogicalQueueIncludingPoison()
    {
        await Get<IQueuePublisher>().SendBatchAsync(QueueNames.Score, [1, 2, 3], CancellationToken.None);

        var depths = await Get<StorageQueues>().GetApproximateDepthsAsync(CancellationToken.None);

        Assert.Equal(3, depths[QueueNames.Score]);
        Assert.Equal(0, depths[QueueNames.PoisonOf(QueueNames.Score)]);
        Assert.Equal(StorageNames.Queues.Order(), depths.Keys.Order());
    }

    [Fact]
    public async Task SendLaterAsync_WhenDelayed_IsCountedButNotReceivedUntilTheDelayPasses()
    {
        var publisher = Get<IQueuePublisher>();

        // Long enough that a loaded machine (CI ran it with the delay already passed at 2 s) still reads before it ends.
        await publisher.SendLaterAsync(QueueNames.Sync, new { folder = "inbox" }, TimeSpan.FromSeconds(10), CancellationToken.None);

        var queue = Get<StorageQueues>().GetQueue(QueueNames.Sync);
        Assert.Equal(1, await publisher.ApproximateDepthAsync(QueueNames.Sync, CancellationToken.None));
        Assert.Null((await queue.ReceiveMessageAsync()).Value);
        await Task.Delay(TimeSpan.FromSeconds(11));
        Assert.NotNull((await queue.ReceiveMessageAsync()).Value);
    }

    [Fact]
    public async Task EnsureCreatedAsync_WhenCalledAgain_Succeeds() =>
        await Get<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);

    [Fact]
    public async Task DirectoryStore_WhenSavedAndRead_RoundTripsAndMissingIsNull()
    {
        var directory = new TenantDirectory("tenant-a", ["contoso-sales.example"], "Europe/Berlin",
            [new Team("team-a", "A")], [new Rep("rep-01", "ava@contoso-sales.example", "Ava", "team-a")],
            [new Account("acc-1", "Northwind", ["northwind.example", "northwind-group.example"])]);

        await Get<ITenantDirectoryStore>().SaveAsync(directory, CancellationToken.None);
        var read = await Get<ITenantDirectoryStore>().GetAsync("tenant-a", CancellationToken.None);

        Assert.Equal("Europe/Berlin", read!.TimeZone);
        Assert.Equal("acc-1", read.AccountByEmail("kim@eu.northwind-group.example")?.Id);
        Assert.Equal("rep-01", read.RepByEmail("AVA@contoso-sales.example")?.Id);
        Assert.Null(await Get<ITenantDirectoryStore>().GetAsync("tenant-b", CancellationToken.None));
    }

    [Fact]
    public async Task SyncStateStore_WhenSaved_RoundTripsPerMailboxFolder()
    {
        var store = Get<Core.Sync.ISyncStateStore>();
        var state = Core.Sync.SyncState.New("tenant-a", "Ava@contoso-sales.example", "inbox") with
        {
            Status = Core.Sync.SyncStatus.Failed, Cursor = "https://graph/delta?$deltatoken=a/b#c", LastError = Core.Sync.SyncFailureKind.Throttled,
            LastErrorAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), ItemsSeen = 12,
        };

        await store.SaveAsync(state, CancellationToken.None);
        await store.SaveAsync(state with { Folder = "calendar", Status = Core.Sync.SyncStatus.Synced, LastError = null, LastErrorAt = null }, CancellationToken.None);

        Assert.Equal(state, await store.GetAsync("tenant-a", "ava@contoso-sales.example", "inbox", CancellationToken.None));
        Assert.Equal(2, (await store.ListAsync("tenant-a", CancellationToken.None)).Count);
        Assert.Null(await store.GetAsync("tenant-a", "ava@contoso-sales.example", "sentitems", CancellationToken.None));
    }

    [Fact]
    public async Task SubscriptionStore_WhenSavedListedAndDeleted_KeepsTenantsApart()
    {
        var store = Get<ISubscriptionStore>();
        var record = new SubscriptionRecord("tenant-a", "sub-1", "ava@contoso-sales.example", MailboxResource.Events, ClientStates.Hash("s"), TestClock.Now.AddDays(2));
        await store.SaveAsync(record, CancellationToken.None);
        await store.SaveAsync(record with { TenantId = "tenant-b", SubscriptionId = "sub-2" }, CancellationToken.None);

        var found = await store.FindAsync("tenant-a", "sub-1", CancellationToken.None);
        Assert.Equal(MailboxResource.Events, found!.Resource);
        Assert.Null(await store.FindAsync("tenant-b", "sub-1", CancellationToken.None));
        Assert.Equal(["sub-1"], (await store.ListAsync("tenant-a", CancellationToken.None)).Select(s => s.SubscriptionId));
        Assert.Equal([("tenant-a", "sub-1"), ("tenant-b", "sub-2")], (await store.ListAllAsync(CancellationToken.None)).Select(s => (s.TenantId, s.SubscriptionId)).Order());

        await store.DeleteAsync("tenant-a", "sub-1", CancellationToken.None);
        await store.DeleteAsync("tenant-a", "sub-1", CancellationToken.None);
        Assert.Null(await store.FindAsync("tenant-a", "sub-1", CancellationToken.None));
    }
}
