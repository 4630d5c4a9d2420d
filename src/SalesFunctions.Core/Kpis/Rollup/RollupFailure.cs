namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// One input the rollup could not use for a tenant, set aside so that the tenant's other KPIs keep updating; listed by
/// GET admin/status until a full rebuild of the tenant supersedes it.
/// </summary>
/// <param name="Input">What was set aside: "dirty day 0001-01-01", "KPI targets", or "tenant" when nothing narrower failed.</param>
/// <param name="Cause">The exception type and message: ids and dates, never personal data.</param>
public sealed record RollupFailure(string TenantId, string Input, string Cause, DateTimeOffset At);
