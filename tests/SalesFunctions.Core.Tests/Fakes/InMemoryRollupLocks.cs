using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>Tenant locks in memory; a test holds one with <see cref="Hold"/> as another instance's run would.</summary>
internal sealed class InMemoryRollupLocks : IRollupLocks
{
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);

    public IDisposable Hold(string tenantId)
    {
        lock (_held)
        {
            _held.Add(tenantId);
        }

        return new Release(this, tenantId);
    }

    public Task<IAsyncDisposable?> TryLockTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_held)
        {
            return Task.FromResult<IAsyncDisposable?>(_held.Add(tenantId) ? new Release(this, tenantId) : null);
        }
    }

    private sealed class Release(InMemoryRollupLocks locks, string tenantId) : IDisposable, IAsyncDisposable
    {
        public void Dispose()
        {
            lock (locks._held)
            {
                locks._held.Remove(tenantId);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
