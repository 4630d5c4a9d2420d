using Azure.Data.Tables;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Storage;

public sealed class TableRollupStatusStore(StorageClients clients, StorageNames names) : IRollupStatusStore
{
    /// <summary>One row per tenant: the catalogue version its stored KPI cells were last fully recomputed with.</summary>
    private const string CataloguePartition = "catalogue";

    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.RollupStatus));

    public async Task SaveAsync(RollupRun run, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity("rollup", "last")
        {
            ["StartedAt"] = run.StartedAt,
            ["CompletedAt"] = run.CompletedAt,
            ["Cells"] = run.Cells,
            ["Rows"] = run.Rows,
            ["StillDirty"] = run.StillDirty,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<RollupRun?> GetLastAsync(CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>("rollup", "last", cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e
            ? new RollupRun(e.GetDateTimeOffset("StartedAt")!.Value, e.GetDateTimeOffset("CompletedAt")!.Value,
                e.GetInt32("Cells") ?? 0, e.GetInt32("Rows") ?? 0, e.GetInt32("StillDirty") ?? 0)
            : null;
    }

    public async Task<int?> GetCatalogueVersionAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(CataloguePartition, TableKeys.Escape(tenantId), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? e.GetInt32("Version") : null;
    }

    public async Task SaveCatalogueVersionAsync(string tenantId, int version, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(CataloguePartition, TableKeys.Escape(tenantId)) { ["Version"] = version }, TableUpdateMode.Replace, cancellationToken);
}
