namespace SalesFunctions.Core.Kpis.Rollup;

public interface IDirtyDayStore
{
    /// <summary>Marks the days, keeping the current span's trace context on the mark for the rollup to link to.</summary>
    Task MarkAsync(string tenantId, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken);

    Task<IReadOnlyList<DirtyDay>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One tenant's marks: a query of its own, however many other tenants have marks.</summary>
    Task<IReadOnlyList<DirtyDay>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Removes the mark unless it was marked again after it was listed; returns false in that case.</summary>
    Task<bool> ClearAsync(DirtyDay day, CancellationToken cancellationToken);
}
