namespace SalesFunctions.Core.Tenants;

/// <summary>
/// Every queue message needs its tenant's directory; reading the blob each time would double the storage calls per
/// message. A short time-to-live bounds how stale an imported directory can be.
/// </summary>
public sealed class TenantDirectoryCache(ITenantDirectoryStore store, TimeProvider time)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (TenantDirectory Directory, DateTimeOffset LoadedAt)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task<TenantDirectory> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(tenantId, out var entry) && time.GetUtcNow() - entry.LoadedAt < TimeToLive)
            {
                return entry.Directory;
            }
        }

        var directory = await store.GetAsync(tenantId, cancellationToken) ?? throw new TenantNotConfiguredException(tenantId);
        lock (_lock)
        {
            _entries[tenantId] = (directory, time.GetUtcNow());
        }

        return directory;
    }

    /// <summary>Called after an import in this process so that it applies at once here.</summary>
    public void Invalidate(string tenantId)
    {
        lock (_lock)
        {
            _entries.Remove(tenantId);
        }
    }
}
