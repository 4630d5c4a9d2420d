namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>One dated fact of a deal or case (<paramref name="Record"/> indexes the deal or case facts by kind).</summary>
internal readonly record struct FactEvent(int Day, FactEventKind Kind, int Record);
