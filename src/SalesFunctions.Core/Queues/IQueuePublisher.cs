namespace SalesFunctions.Core.Queues;

/// <summary>Sends JSON messages to a named queue, encoded the way the Functions queue trigger reads them.</summary>
public interface IQueuePublisher
{
    Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken);

    Task SendBatchAsync<T>(string queueName, IReadOnlyCollection<T> messages, CancellationToken cancellationToken);
}
