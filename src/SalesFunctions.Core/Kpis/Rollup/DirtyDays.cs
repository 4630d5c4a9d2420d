namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// Marks the tenant days whose KPIs new or changed facts put in question, and asks for the tenant's rollup so that the
/// KPIs show them within seconds rather than at the next timer run.
/// </summary>
public sealed class DirtyDays(IDirtyDayStore store, RollupRequests requests)
{
    public async Task MarkAsync(string tenantId, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        if (days.Count == 0)
        {
            return;
        }

        await store.MarkAsync(tenantId, days, cancellationToken);
        await requests.RequestAsync(tenantId, cancellationToken);
    }
}
