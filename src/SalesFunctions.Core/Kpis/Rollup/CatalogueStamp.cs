namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// What a tenant's stored KPI cells were last rebuilt with: the catalogue version, a fingerprint of the configuration
/// the catalogue reads (<see cref="Targets.KpiSettingsSource.Fingerprint"/>) and the store's layout
/// (<see cref="IKpiStore.Layout"/>). A rollup that finds another stamp rebuilds the tenant's whole history, since any of
/// them can change any period.
/// </summary>
/// <param name="Settings">Null for a stamp saved before settings were fingerprinted.</param>
public sealed record CatalogueStamp(int Version, string? Settings, int Layout);
