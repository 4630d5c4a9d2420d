using Azure.Data.Tables;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Storage;

public sealed class TableRollupStatusStore(StorageClients clients, StorageNames names) : IRollupStatusStore
{
    /// <summary>One row per tenant: the catalogue version and configuration its stored KPI cells were last fully recomputed with.</summary>
    private const string CataloguePartition = "catalogue";

    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.RollupStatus));

    public async Task SaveAsync(RollupRun run, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity("rollup", "last")
        {
            ["StartedAt"] = run.StartedAt,
            ["CompletedAt"] = run.CompletedAt,
            ["DirtyDays"] = run.DirtyDays,
            ["CellsWritten"] = run.CellsWritten,
            ["StillDirty"] = run.StillDirty,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<RollupRun?> GetLastAsync(CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>("rollup", "last", cancellationToken: cancellationToken);
        // Rows saved before the columns were renamed hold the same numbers as Cells (days) and Rows (cells written).
        return found.HasValue && found.Value is { } e
            ? new RollupRun(e.GetDateTimeOffset("StartedAt")!.Value, e.GetDateTimeOffset("CompletedAt")!.Value,
                e.GetInt32("DirtyDays") ?? e.GetInt32("Cells") ?? 0, e.GetInt32("CellsWritten") ?? e.GetInt32("Rows") ?? 0, e.GetInt32("StillDirty") ?? 0)
            : null;
    }

    public async Task<IReadOnlyDictionary<string, CatalogueStamp>> GetCatalogueStampsAsync(CancellationToken cancellationToken)
    {
        var stamps = new Dictionary<string, CatalogueStamp>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CataloguePartition}"), cancellationToken: cancellationToken))
        {
            // Rows saved before stamps had a TenantId column are keyed by the tenant id itself (tenant ids need no escaping);
            // rows without a Layout were saved when every cell was in the one kpis table, layout 1.
            stamps[e.GetString("TenantId") ?? e.RowKey] = new CatalogueStamp(e.GetInt32("Version") ?? 0, e.GetString("Settings"), e.GetInt32("Layout") ?? 1);
        }

        return stamps;
    }

    public async Task SaveCatalogueStampAsync(string tenantId, CatalogueStamp stamp, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(
            new TableEntity(CataloguePartition, TableKeys.Escape(tenantId)) { ["TenantId"] = tenantId, ["Version"] = stamp.Version, ["Settings"] = stamp.Settings, ["Layout"] = stamp.Layout },
            TableUpdateMode.Replace,
            cancellationToken);
}
