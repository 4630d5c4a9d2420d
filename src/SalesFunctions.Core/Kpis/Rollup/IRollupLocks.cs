namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// One rollup of a tenant at a time, across every instance and both the timer and the rollup queue: two overlapping runs
/// could let the one that read older facts write its cells last (ADR 0022).
/// </summary>
public interface IRollupLocks
{
    /// <returns>The held lock, released on dispose; null when another run holds it.</returns>
    Task<IAsyncDisposable?> TryLockTenantAsync(string tenantId, CancellationToken cancellationToken);
}
