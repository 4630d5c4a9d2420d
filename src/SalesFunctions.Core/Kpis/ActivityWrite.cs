namespace SalesFunctions.Core.Kpis;

/// <summary>What <see cref="IActivityStore.WriteAsync"/> did: nothing (same content already stored), or a write.</summary>
public sealed record ActivityWrite(bool Changed, DateOnly? MovedFrom)
{
    public static ActivityWrite Unchanged { get; } = new(false, null);
}
