using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Storage;

/// <summary>
/// Dirty marks, one row per tenant day. Marking replaces the row, which changes its ETag; clearing deletes only with
/// the ETag that was listed, so a mark made during a rollup survives it.
/// </summary>
public sealed class TableDirtyDayStore(StorageClients clients, StorageNames names) : IDirtyDayStore
{
    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.DirtyDays));

    public async Task MarkAsync(string tenantId, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        foreach (var day in days)
        {
            await Table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(tenantId), TableKeys.Day(day)) { ["TenantId"] = tenantId },
                TableUpdateMode.Replace, cancellationToken);
        }
    }

    public Task<IReadOnlyList<DirtyDay>> ListAsync(CancellationToken cancellationToken) => QueryAsync(filter: null, cancellationToken);

    public Task<IReadOnlyList<DirtyDay>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(tenantId)}"), cancellationToken);

    private async Task<IReadOnlyList<DirtyDay>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var days = new List<DirtyDay>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days.Add(new DirtyDay(entity.GetString("TenantId"), TableKeys.ParseDay(entity.RowKey), entity.ETag.ToString()));
        }

        return days;
    }

    public async Task<bool> ClearAsync(DirtyDay day, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(TableKeys.Escape(day.TenantId), TableKeys.Day(day.Day), new ETag(day.Version), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return true;
        }
    }
}
