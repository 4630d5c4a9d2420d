using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>
/// A tenant's quotas, forecasts and spend, as configured or uploaded (docs/kpis.md, Targets). Entries are kept as they
/// came, not merged: several entries of one entity and period add up where the catalogue reads them.
/// </summary>
public sealed record KpiTargets(IReadOnlyList<Quota> Quotas, IReadOnlyList<Forecast> Forecasts, IReadOnlyList<Spend> Spend)
{
    public static KpiTargets Empty { get; } = new([], [], []);
}
