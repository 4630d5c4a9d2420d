using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>A subscription store that counts the reads (point and partition) a caller makes and how many ran at the same time.</summary>
internal sealed class CountingSubscriptionStore : ISubscriptionStore
{
    private readonly InMemorySubscriptionStore _records = new();
    private int _running;
    private int _reads;
    private int _mostAtOnce;

    public int Reads => _reads;

    public int MostAtOnce => _mostAtOnce;

    public Task SaveAsync(SubscriptionRecord subscription, CancellationToken cancellationToken) => _records.SaveAsync(subscription, cancellationToken);

    public async Task<SubscriptionRecord?> FindAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        return await _records.FindAsync(tenantId, subscriptionId, cancellationToken);
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        return await _records.ListAsync(tenantId, cancellationToken);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        var now = Interlocked.Increment(ref _running);
        int seen;
        while ((seen = _mostAtOnce) < now && Interlocked.CompareExchange(ref _mostAtOnce, now, seen) != seen)
        {
        }

        // A storage read takes a while: readers started together overlap here.
        await Task.Delay(1, cancellationToken);
        Interlocked.Decrement(ref _running);
    }

    public Task<IReadOnlyList<SubscriptionRecord>> ListAllAsync(CancellationToken cancellationToken) => _records.ListAllAsync(cancellationToken);

    public Task DeleteAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken) => _records.DeleteAsync(tenantId, subscriptionId, cancellationToken);
}
