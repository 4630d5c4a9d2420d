using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Traces;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Capture;

/// <summary>
/// What a forged batch on the anonymous notification route can cost (issue 26): at most
/// <see cref="SubscriptionLookup.MaxPointReadsPerTenant"/> storage reads for each of at most
/// <see cref="NotificationIntake.MaxTenantsPerRequest"/> tenants, at most <see cref="SubscriptionLookup.MaxConcurrentLookups"/>
/// at once, none for a repeat, and one log line per request.
/// </summary>
public sealed class NotificationIntakeBoundsTests
{
    private const string Tenant = "84bd8158-6d4d-4958-8b9f-9d6445542f95";
    private readonly CountingSubscriptionStore _store = new();
    private readonly ListLogger<NotificationIntake> _log = new();
    private readonly NotificationIntake _intake;

    public NotificationIntakeBoundsTests() =>
        _intake = new NotificationIntake(new SubscriptionLookup(_store), new Mock<IQueuePublisher>().Object,
            new CaptureTracer(new InMemoryTraceStore(), NullLogger<CaptureTracer>.Instance), TimeProvider.System, Pipeline.Metrics, _log);

    [Fact]
    public async Task AcceptAsync_WhenAForgedBatchHas5000Items_RefusesItWithoutAStorageRead()
    {
        await Assert.ThrowsAsync<InvalidNotificationException>(() => _intake.AcceptAsync(Forged(5_000, distinct: 5_000), CancellationToken.None));

        Assert.Equal(0, _store.Reads);
    }

    [Fact]
    public async Task AcceptAsync_WhenAForgedBatchHasTheMostItemsOfOneTenant_ReadsTheTenantOnceAndLogsOneLine()
    {
        var result = await _intake.AcceptAsync(Forged(NotificationIntake.MaxItems, distinct: 400), CancellationToken.None);

        Assert.Equal(new IntakeResult(0, NotificationIntake.MaxItems, 0), result);
        Assert.Equal(1, _store.Reads);
        Assert.Contains("1000 rejected (0 malformed, 1000 for an unknown subscription, 0 with a wrong clientState)", Assert.Single(_log.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptAsync_WhenTheSameForgedBatchComesAgain_ReadsNothingMore()
    {
        await _intake.AcceptAsync(Forged(NotificationIntake.MaxItems, distinct: 400), CancellationToken.None);

        await _intake.AcceptAsync(Forged(NotificationIntake.MaxItems, distinct: 400), CancellationToken.None);

        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task AcceptAsync_WhenAForgedBatchSpansManyTenants_LooksUpTheFirstTenTenantsOnlyAtMostEightAtATime()
    {
        var items = Enumerable.Range(0, NotificationIntake.MaxItems).Select(i => Item($"sub-{i % 3}", $"tenant-{i % 40}", "guess"));

        var result = await _intake.AcceptAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { value = items })), CancellationToken.None);

        Assert.Equal(new IntakeResult(0, NotificationIntake.MaxItems, 0), result);
        Assert.Equal(NotificationIntake.MaxTenantsPerRequest * 3, _store.Reads);
        Assert.InRange(_store.MostAtOnce, 2, SubscriptionLookup.MaxConcurrentLookups);
        Assert.Contains("1000 rejected (750 malformed, 250 for an unknown subscription, 0 with a wrong clientState)", Assert.Single(_log.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptLifecycleAsync_WhenAnAuthenticItemCarriesAHugeEvent_RefusesItAndQueuesNothing()
    {
        await _store.SaveAsync(new SubscriptionRecord(Tenant, "sub-1", "ava@contoso-sales.example", MailboxResource.Messages, ClientStates.Hash("secret"), DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        var body = JsonSerializer.Serialize(new { value = new[] { new { subscriptionId = "sub-1", clientState = "secret", tenantId = Tenant, lifecycleEvent = new string('m', 100_000) } } });

        var result = await _intake.AcceptLifecycleAsync(Encoding.UTF8.GetBytes(body), CancellationToken.None);

        Assert.Equal(new IntakeResult(0, 1, 0), result);
        Assert.Equal(0, _store.Reads);
    }

    [Fact]
    public async Task AcceptAsync_WhenKeysAreMalformed_RefusesThemWithoutAStorageRead()
    {
        var body = JsonSerializer.Serialize(new
        {
            value = new object?[]
            {
                null,
                Item(new string('s', 100_000), Tenant, "state"),
                Item("sub-1", new string('t', 100_000), "state"),
                Item("sub/1", Tenant, "state"),
                Item("sub-1", "tenant#1", "state"),
                Item("sub-1", Tenant, new string('c', 256)),
                Item("sub-1", Tenant, null),
            },
        });

        var result = await _intake.AcceptAsync(Encoding.UTF8.GetBytes(body), CancellationToken.None);

        Assert.Equal(new IntakeResult(0, 6, 1), result);
        Assert.Equal(0, _store.Reads);
    }

    [Fact]
    public async Task AcceptAsync_WhenASubscriptionIsCreatedAfterItWasLookedUp_AcceptsItOnceTheWriterForgetsIt()
    {
        var lookup = new SubscriptionLookup(_store);
        var intake = new NotificationIntake(lookup, new Mock<IQueuePublisher>().Object,
            new CaptureTracer(new InMemoryTraceStore(), NullLogger<CaptureTracer>.Instance), TimeProvider.System, Pipeline.Metrics, _log);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { value = new[] { Item("sub-new", Tenant, "secret") } }));
        var before = await intake.AcceptAsync(body, CancellationToken.None);

        await _store.SaveAsync(new SubscriptionRecord(Tenant, "sub-new", "ava@contoso-sales.example", MailboxResource.Messages, ClientStates.Hash("secret"), DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        var cached = await intake.AcceptAsync(body, CancellationToken.None);
        lookup.Forget(Tenant, "sub-new");
        var after = await intake.AcceptAsync(body, CancellationToken.None);

        Assert.Equal((0, 0, 1), (before.Accepted, cached.Accepted, after.Accepted));
        Assert.Equal(2, _store.Reads);
    }

    private static object Item(string subscriptionId, string tenantId, string? clientState) =>
        new { subscriptionId, clientState, changeType = "created", tenantId, resourceData = new { id = "AAMkAG-item" } };

    /// <summary>A batch of <paramref name="count"/> items over <paramref name="distinct"/> subscriptions nobody created.</summary>
    private static byte[] Forged(int count, int distinct) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { value = Enumerable.Range(0, count).Select(i => Item($"{Guid.Empty.ToString()[..30]}{i % distinct:000000}", Tenant, "guess")) }));
}
