using SalesFunctions.Core.Queues;

namespace SalesFunctions.Storage;

/// <summary>
/// JSON messages on Storage queues, Base64-encoded by the client (what the Functions trigger expects), with the W3C
/// trace context of the sender (<see cref="QueueMessageTrace"/>): a single message continues the sender's span, each
/// message of a batch gets a send span of its own under it.
/// </summary>
public sealed class QueuePublisher(StorageQueues queues) : IQueuePublisher
{
    /// <summary>64 KiB per message after Base64 (4/3), so about 48 KiB of UTF-8 JSON.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken)
    {
        var body = Serialize(queueName, message);
        await queues.GetQueue(queueName).SendMessageAsync(body, cancellationToken: cancellationToken);
    }

    public async Task SendBatchAsync<T>(string queueName, IReadOnlyCollection<T> messages, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueue(queueName);
        var bodies = messages.Select(m => Checked<T>(queueName, QueueMessageTrace.SerializeOnItsOwnBranch(queueName, m))).ToList();
        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (body, token) => await queue.SendMessageAsync(body, cancellationToken: token));
    }

    public async Task SendLaterAsync<T>(string queueName, T message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var body = Serialize(queueName, message);
        await queues.GetQueue(queueName).SendMessageAsync(body, visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    public Task<int> ApproximateDepthAsync(string queueName, CancellationToken cancellationToken) =>
        queues.GetApproximateDepthAsync(queueName, cancellationToken);

    private static BinaryData Serialize<T>(string queueName, T message) => Checked<T>(queueName, QueueMessageTrace.Serialize(message));

    private static BinaryData Checked<T>(string queueName, byte[] json) => json.Length <= MaxMessageBytes
        ? BinaryData.FromBytes(json)
        : throw new InvalidOperationException(
            $"A {typeof(T).Name} message for queue '{queueName}' is {json.Length} bytes; Storage queues take {MaxMessageBytes} bytes of content.");
}
