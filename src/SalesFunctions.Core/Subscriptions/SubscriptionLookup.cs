using Microsoft.Extensions.Caching.Memory;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>
/// The subscription records the anonymous notification routes check clientState against. Anyone can POST there, so
/// the storage calls one request can cause are bounded: answers are cached (a hit costs nothing, a miss is remembered
/// briefly too); the keys of one tenant not in the cache cost one point read each up to
/// <see cref="MaxPointReadsPerTenant"/>, and one read of the tenant's partition beyond that, so a batch costs at most
/// that many reads per tenant however many subscriptions it names; at most <see cref="MaxConcurrentLookups"/> reads run
/// at once in this instance whatever the number of requests; and the cache holds at most <see cref="MaxEntries"/> keys. This instance forgets a record as soon as it
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

    public const int MaxPointReadsPerTenant = 4;

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

        var read = (await Task.WhenAll(misses.GroupBy(k => k.TenantId, StringComparer.Ordinal).Select(tenant => ReadAsync(tenant.Key, [.. tenant], cancellationToken))))
            .SelectMany(r => r);
        foreach (var (key, record) in read)
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

    private async Task<IEnumerable<((string TenantId, string SubscriptionId) Key, SubscriptionRecord? Record)>> ReadAsync(
        string tenantId, List<(string TenantId, string SubscriptionId)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count <= MaxPointReadsPerTenant)
        {
            var records = await Task.WhenAll(keys.Select(k => BoundedAsync(() => store.FindAsync(k.TenantId, k.SubscriptionId, cancellationToken), cancellationToken)));
            return keys.Zip(records);
        }

        var all = (await BoundedAsync(() => store.ListAsync(tenantId, cancellationToken), cancellationToken)).ToDictionary(r => r.SubscriptionId, StringComparer.Ordinal);
        return keys.Select(k => (k, all.GetValueOrDefault(k.SubscriptionId)));
    }

    private async Task<T> BoundedAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await read();
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>A cache entry; wraps the record so that "not stored" can be cached too.</summary>
    private sealed record Cached(SubscriptionRecord? Record);
}
