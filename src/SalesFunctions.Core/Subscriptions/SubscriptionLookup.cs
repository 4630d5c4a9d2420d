using Microsoft.Extensions.Caching.Memory;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>
/// The subscription records the anonymous notification routes check clientState against. Anyone can POST there, so
/// the storage calls one request can cause are bounded: answers are cached (a hit costs nothing, a miss is remembered
/// briefly too), at most <see cref="MaxConcurrentLookups"/> reads run at once in this instance whatever the number of
/// requests, and the cache holds at most <see cref="MaxEntries"/> keys. This instance forgets a record as soon as it
/// saves or deletes it; another instance's change shows here within the time-to-live.
/// </summary>
public sealed class SubscriptionLookup(ISubscriptionStore store) : IDisposable
{
    /// <summary>How long a found record is served from memory: a subscription deleted by another instance authenticates for at most this long.</summary>
    public static readonly TimeSpan FoundTimeToLive = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long an unknown key stays unknown: short, because Graph may notify for a subscription another instance is
    /// saving right now; long enough that a forged batch repeated in a loop reads storage once per key per period.
    /// </summary>
    public static readonly TimeSpan MissingTimeToLive = TimeSpan.FromSeconds(10);

    public const int MaxConcurrentLookups = 8;

    public const int MaxEntries = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly SemaphoreSlim _slots = new(MaxConcurrentLookups);

    /// <summary>The record of each key, or null when none is stored; one storage read per key not in the cache.</summary>
    public async Task<IReadOnlyDictionary<(string TenantId, string SubscriptionId), SubscriptionRecord?>> FindAsync(
        IReadOnlyCollection<(string TenantId, string SubscriptionId)> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), SubscriptionRecord?>(keys.Count);
        var misses = new List<(string TenantId, string SubscriptionId)>();
        foreach (var key in keys.Distinct())
        {
            if (_cache.TryGetValue(key, out Cached? cached))
            {
                found[key] = cached!.Record;
            }
            else
            {
                misses.Add(key);
            }
        }

        var read = await Task.WhenAll(misses.Select(k => ReadAsync(k, cancellationToken)));
        foreach (var (key, record) in misses.Zip(read))
        {
            found[key] = record;
            _cache.Set(key, new Cached(record), new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = record is null ? MissingTimeToLive : FoundTimeToLive,
            });
        }

        return found;
    }

    /// <summary>Called by every writer of subscriptions in this process, so that a renewal, recreation or removal applies at once here.</summary>
    public void Forget(string tenantId, string subscriptionId) => _cache.Remove((tenantId, subscriptionId));

    public void Dispose()
    {
        _cache.Dispose();
        _slots.Dispose();
    }

    private async Task<SubscriptionRecord?> ReadAsync((string TenantId, string SubscriptionId) key, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await store.FindAsync(key.TenantId, key.SubscriptionId, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>A cache entry; wraps the record so that "not stored" can be cached too.</summary>
    private sealed record Cached(SubscriptionRecord? Record);
}
