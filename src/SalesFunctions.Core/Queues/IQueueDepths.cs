namespace SalesFunctions.Core.Queues;

/// <summary>How many messages wait in each queue, and for how long, for the status endpoint and the queue gauges.</summary>
public interface IQueueDepths
{
    /// <summary>Approximate message counts of every queue and poison queue, keyed by logical name.</summary>
    Task<IReadOnlyDictionary<string, int>> GetApproximateDepthsAsync(CancellationToken cancellationToken);

    /// <summary>When the first visible message of a queue was inserted; null when none is visible.</summary>
    Task<DateTimeOffset?> GetOldestVisibleAsync(string queue, CancellationToken cancellationToken);
}
