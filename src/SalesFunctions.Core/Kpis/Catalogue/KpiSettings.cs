namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// What the KPI catalogue needs beyond activities and CRM records: targets, forecasts and costs, which no mailbox or
/// CRM webhook carries, and the selling-time estimate per email.
/// </summary>
public sealed class KpiSettings
{
    /// <summary>Selling time credited per email sent; mail leaves no duration of its own, unlike a meeting.</summary>
    public decimal MinutesPerEmail { get; init; } = 5m;

    /// <summary>Several quotas of one entity and period add up (e.g. one per product line).</summary>
    public IReadOnlyList<Quota> Quotas { get; init; } = [];

    /// <summary>Several forecasts of one entity and period add up, as quotas do.</summary>
    public IReadOnlyList<Forecast> Forecasts { get; init; } = [];

    /// <summary>Tenant-level spend; several entries of one period add up.</summary>
    public IReadOnlyList<Spend> Spend { get; init; } = [];
}
