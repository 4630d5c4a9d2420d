using Azure.Storage.Queues;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Storage;

/// <summary>Queue clients by logical name, and their depths and ages for the status endpoint and the gauges.</summary>
public sealed class StorageQueues(StorageClients clients, StorageNames names) : IQueueDepths
{
    public QueueClient GetQueue(string logicalName) => clients.Queues.GetQueueClient(names.Queue(logicalName));

    /// <summary>One queue's approximate message count (visible and invisible), by logical name.</summary>
    public async Task<int> GetApproximateDepthAsync(string logicalName, CancellationToken cancellationToken) =>
        (await GetQueue(logicalName).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    public async Task<IReadOnlyDictionary<string, int>> GetApproximateDepthsAsync(CancellationToken cancellationToken)
    {
        var depths = await Task.WhenAll(StorageNames.Queues.Select(async q => (q, ApproximateMessagesCount: await GetApproximateDepthAsync(q, cancellationToken))));
        return depths.ToDictionary(d => d.q, d => d.ApproximateMessagesCount, StringComparer.Ordinal);
    }

    public async Task<DateTimeOffset?> GetOldestVisibleAsync(string queue, CancellationToken cancellationToken) =>
        (await GetQueue(queue).PeekMessagesAsync(1, cancellationToken)).Value.FirstOrDefault()?.InsertedOn;
}
