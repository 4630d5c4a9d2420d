using SalesFunctions.Core.Queues;

namespace SalesFunctions.Storage;

public sealed class StoragePoisonQueues(StorageQueues queues) : IPoisonQueues
{
    private static readonly TimeSpan ReplayLease = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<PoisonMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var peeked = await queues.GetQueue(QueueNames.PoisonOf(queue)).PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken);
        return [.. peeked.Value.Select(m => new PoisonMessage(m.MessageId, m.InsertedOn, m.DequeueCount, m.Body.ToMemory().Length))];
    }

    public Task<int> CountAsync(string queue, CancellationToken cancellationToken) =>
        queues.GetApproximateDepthAsync(QueueNames.PoisonOf(queue), cancellationToken);

    public async Task<int> ReplayAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueue(QueueNames.PoisonOf(queue));
        var target = queues.GetQueue(queue);
        var replayed = 0;
        while (replayed < max)
        {
            var batch = (await poison.ReceiveMessagesAsync(Math.Min(32, max - replayed), ReplayLease, cancellationToken)).Value;
            if (batch.Length == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                // Send first, then delete: a crash in between replays the message twice, never loses it.
                await target.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                replayed++;
            }
        }

        return replayed;
    }
}
