namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>The "rollup" queue message: roll up this tenant's dirty days now, ahead of the timer.</summary>
public sealed record RollupRequest(string TenantId);
