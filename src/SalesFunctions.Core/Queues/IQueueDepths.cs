namespace SalesFunctions.Core.Queues;

/// <summary>How many messages wait in each queue, for the status endpoint.</summary>
public interface IQueueDepths
{
    /// <summary>Approximate message counts of every queue and poison queue, keyed by logical name.</summary>
    Task<IReadOnlyDictionary<string, int>> GetApproximateDepthsAsync(CancellationToken cancellationToken);
}
