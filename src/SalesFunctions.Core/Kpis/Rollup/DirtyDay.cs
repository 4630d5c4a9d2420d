namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// A tenant day whose KPIs must be recomputed. <see cref="Version"/> is the store's concurrency token at the time it
/// was read: clearing succeeds only if nobody marked the day again since.
/// </summary>
public sealed record DirtyDay(string TenantId, DateOnly Day, string Version);
