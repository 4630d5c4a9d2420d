namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>One KPI of the catalogue, as docs/kpis.md states it.</summary>
/// <param name="Category">activity, performance, service or linking.</param>
/// <param name="Inputs">What the KPI reads, so a change to those inputs says which KPIs to recompute.</param>
public sealed record KpiDefinition(string Name, string Unit, string Category, string Formula, string Inputs, int Version);
