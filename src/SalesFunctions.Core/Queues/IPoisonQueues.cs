namespace SalesFunctions.Core.Queues;

/// <summary>The "&lt;queue&gt;-poison" queues: messages that failed every attempt (host.json maxDequeueCount).</summary>
public interface IPoisonQueues
{
    /// <summary>Up to <paramref name="max"/> messages of one poison queue, oldest first, without their bodies.</summary>
    Task<IReadOnlyList<PoisonMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken);

    Task<int> CountAsync(string queue, CancellationToken cancellationToken);

    /// <summary>
    /// Moves up to <paramref name="max"/> messages back to their queue: each is sent to the queue, then deleted from the
    /// poison queue, so a crash in between replays it twice, which every step absorbs (they are idempotent).
    /// </summary>
    Task<int> ReplayAsync(string queue, int max, CancellationToken cancellationToken);
}
