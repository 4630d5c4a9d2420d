namespace SalesFunctions.Core.Tenants;

/// <summary>
/// A per-tenant value read from storage at most once per <see cref="TimeToLive"/>: every queue message needs its
/// tenant's configuration, and reading it each time would double the storage calls per message. The time-to-live
/// bounds how stale a change made by another instance can be; this instance invalidates its own changes at once.
/// </summary>
public sealed class PerTenantCache<T>(TimeProvider time)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (T Value, DateTimeOffset LoadedAt)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task<T> GetAsync(string tenantId, Func<Task<T>> load)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(tenantId, out var entry) && time.GetUtcNow() - entry.LoadedAt < TimeToLive)
            {
                return entry.Value;
            }
        }

        var value = await load();
        lock (_lock)
        {
            _entries[tenantId] = (value, time.GetUtcNow());
        }

        return value;
    }

    public void Invalidate(string tenantId)
    {
        lock (_lock)
        {
            _entries.Remove(tenantId);
        }
    }
}
