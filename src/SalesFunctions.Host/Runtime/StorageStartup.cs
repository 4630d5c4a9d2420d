using SalesFunctions.Storage;

namespace SalesFunctions.Host.Runtime;

/// <summary>Creates tables, queues and containers before the listeners start (hosted services start in order).</summary>
public sealed class StorageStartup(StorageInitializer storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
