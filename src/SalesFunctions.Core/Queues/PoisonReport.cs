namespace SalesFunctions.Core.Queues;

/// <param name="Queue">The queue the messages failed in (not the poison queue's name).</param>
/// <param name="OldestAt">When the oldest of the peeked messages was first enqueued.</param>
public sealed record PoisonReport(string Queue, int Count, DateTimeOffset? OldestAt, IReadOnlyList<PoisonMessage> Messages);
