using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Storage.Tests;

/// <summary>Each test class gets its own prefix: its own tables, queues and containers in the shared Azurite.</summary>
public abstract class StorageTestBase : IAsyncLifetime
{
    protected ServiceProvider Services { get; private set; } = null!;

    protected T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync() => Services = await AzuriteStorage.CreateServicesAsync(AzuriteStorage.NewPrefix());

    public async Task DisposeAsync() => await Services.DisposeAsync();
}
