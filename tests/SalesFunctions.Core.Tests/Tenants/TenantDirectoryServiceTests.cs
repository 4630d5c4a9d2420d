using Moq;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Tests.Fakes;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Tenants;

/// <summary>
/// A directory import queues a re-match of history exactly when it changes what matching reads; the addresses Graph
/// gives a rep's mailbox count for the rep and outlive a re-import.
/// </summary>
public sealed class TenantDirectoryServiceTests
{
    private readonly InMemoryStores _stores = new();
    private readonly Mock<IQueuePublisher> _queue = new();

    public static TheoryData<string, Func<TenantDirectory, TenantDirectory>, bool> Changes => new()
    {
        { "the same directory again", d => d, false },
        { "a rep renamed", d => d with { Reps = [d.Reps[0] with { Name = "Ava Stone" }, .. d.Reps.Skip(1)] }, false },
        { "accounts reordered", d => d with { Accounts = [.. d.Accounts.Reverse()] }, false },
        { "a domain added", d => d with { Accounts = [d.Accounts[0] with { Domains = ["northwind.example", "northwind.example.org"] }, d.Accounts[1]] }, true },
        { "a contact added", d => d with { Contacts = [new Contact("pat@gmail.com", "acc-northwind")] }, true },
        { "an internal domain added", d => d with { InternalDomains = [.. d.InternalDomains, "contoso.example"] }, true },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task ImportAsync_WhenADirectoryReplacesAnother_QueuesARematchOnlyIfMatchingInputsChanged(string change, Func<TenantDirectory, TenantDirectory> edit, bool rematch)
    {
        var service = new TenantDirectoryService(_stores, new TenantDirectoryCache(_stores, TestClock.Provider), _queue.Object);
        Assert.Empty(await service.ImportAsync(TestData.Directory(), CancellationToken.None));

        Assert.Empty(await service.ImportAsync(edit(TestData.Directory()), CancellationToken.None));

        _queue.Verify(q => q.SendAsync(QueueNames.Rematch, new RematchMessage(TestData.Tenant, DateOnly.MinValue), It.IsAny<CancellationToken>()), rematch ? Times.Once() : Times.Never(), change);
    }

    [Fact]
    public async Task AddMailboxUserAsync_WhenGraphListsOtherAddresses_AddsTheInternalOnesAndSkipsForeignAndTakenOnes()
    {
        var service = Service();
        Assert.Empty(await service.ImportAsync(TestData.Directory(), CancellationToken.None));
        var user = new MailboxUser("oid-ava", ["AVA@contoso-sales.example", "ava.stone@contoso-sales.example", "ava@contososales.onmicrosoft.com", TestData.Bo, "not an address"]);

        var (added, skipped) = await service.AddMailboxUserAsync(TestData.Tenant, TestData.Ava, user, CancellationToken.None);

        Assert.Equal((1, 3), (added, skipped));
        var stored = (await _stores.GetAsync(TestData.Tenant, CancellationToken.None))!;
        Assert.Equal(("rep-ava", "oid-ava"), (stored.RepByEmail("Ava.Stone@contoso-sales.example")?.Id, stored.RepByEmail(TestData.Ava)?.UserId));
        Assert.Equal("rep-bo", stored.RepByEmail(TestData.Bo)?.Id);
        Assert.Null(stored.RepByEmail("ava@contososales.onmicrosoft.com"));
    }

    [Fact]
    public async Task ImportAsync_WhenTheSameRepIsImportedAgain_KeepsWhatGraphReadUnlessTheImportGivesItAway()
    {
        var service = Service();
        Assert.Empty(await service.ImportAsync(TestData.Directory(), CancellationToken.None));
        await service.AddMailboxUserAsync(TestData.Tenant, TestData.Ava, new MailboxUser("oid-ava", ["ava.stone@contoso-sales.example", "a.stone@contoso-sales.example"]), CancellationToken.None);

        Assert.Empty(await service.ImportAsync(TestData.Directory(), CancellationToken.None));
        var kept = (await _stores.GetAsync(TestData.Tenant, CancellationToken.None))!;
        var directory = TestData.Directory();
        Assert.Empty(await service.ImportAsync(directory with { Reps = [directory.Reps[0], directory.Reps[1] with { Aliases = ["a.stone@contoso-sales.example"] }, directory.Reps[2]] }, CancellationToken.None));
        var given = (await _stores.GetAsync(TestData.Tenant, CancellationToken.None))!;
        Assert.Empty(await service.ImportAsync(directory with { Reps = [directory.Reps[0] with { Email = "ava.new@contoso-sales.example" }, .. directory.Reps.Skip(1)] }, CancellationToken.None));
        var renamed = (await _stores.GetAsync(TestData.Tenant, CancellationToken.None))!;

        Assert.Equal(["ava.stone@contoso-sales.example", "a.stone@contoso-sales.example"], kept.Reps[0].MailboxAddresses);
        Assert.Equal("oid-ava", kept.Reps[0].UserId);
        Assert.Equal(["ava.stone@contoso-sales.example"], given.Reps[0].MailboxAddresses);
        Assert.Equal("rep-bo", given.RepByEmail("a.stone@contoso-sales.example")?.Id);
        Assert.Empty(renamed.Reps[0].MailboxAddresses);
    }

    private TenantDirectoryService Service() => new(_stores, new TenantDirectoryCache(_stores, TestClock.Provider), _queue.Object);
}
