using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis;

/// <summary>A stored KPI cell with the catalogue version that computed it (<see cref="KpiCatalogue.Version"/>).</summary>
public sealed record StoredKpiCell(KpiCell Cell, int DefinitionVersion);
