namespace SalesFunctions.Core.Queues;

/// <summary>Sends JSON messages to a named queue, encoded the way the Functions queue trigger reads them.</summary>
public interface IQueuePublisher
{
    Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken);

    Task SendBatchAsync<T>(string queueName, IReadOnlyCollection<T> messages, CancellationToken cancellationToken);

    /// <summary>Sends a message that stays invisible for <paramref name="delay"/> (at most 7 days on Storage queues).</summary>
    Task SendLaterAsync<T>(string queueName, T message, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>How many messages a queue holds, as Storage estimates it (visible and invisible).</summary>
    Task<int> ApproximateDepthAsync(string queueName, CancellationToken cancellationToken);
}
