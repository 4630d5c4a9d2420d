namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>One KPI of the catalogue, as docs/kpis.md states it.</summary>
/// <param name="Category">activity, performance, service or linking.</param>
/// <param name="Inputs">What the KPI reads, so a change to those inputs says which KPIs to recompute.</param>
/// <param name="AlwaysDefinedFor">
/// The dimensions whose every cell defines the KPI: a count or a sum over facts, 0 when nothing is counted. Empty for
/// ratios, medians and means. The KPI store omits such a column when it is 0 and reads it back as 0 (docs/storage.md).
/// </param>
public sealed record KpiDefinition(string Name, string Unit, string Category, string Formula, string Inputs, int Version, IReadOnlySet<KpiDimension> AlwaysDefinedFor);
