using Moq;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Tests.Fakes;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Tenants;

/// <summary>A directory import queues a re-match of history exactly when it changes what matching reads.</summary>
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
}
