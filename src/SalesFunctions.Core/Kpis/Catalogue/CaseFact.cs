namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>The optional service fields of one live case, parsed once.</summary>
internal readonly record struct CaseFact(bool? FirstContactResolution, decimal? HandleMinutes, decimal? Csat);
