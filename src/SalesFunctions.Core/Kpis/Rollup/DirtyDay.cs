namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// A tenant day whose KPIs must be recomputed. <see cref="Version"/> is the store's concurrency token at the time it
/// was read: clearing succeeds only if nobody marked the day again since. <see cref="TraceParents"/> are the W3C trace
/// contexts of some of the steps that marked it (a bounded sample), which the rollup's span links to.
/// </summary>
public sealed record DirtyDay(string TenantId, DateOnly Day, string Version)
{
    public IReadOnlyList<string> TraceParents { get; init; } = [];
}
