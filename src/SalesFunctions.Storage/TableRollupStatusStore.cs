using Azure.Data.Tables;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Storage;

public sealed class TableRollupStatusStore(StorageClients clients, StorageNames names) : IRollupStatusStore
{
    /// <summary>One row per tenant: the catalogue version and configuration its stored KPI cells were last fully recomputed with.</summary>
    private const string CataloguePartition = "catalogue";

    /// <summary>One row per tenant and input the rollup set aside (RollupFailure).</summary>
    private const string FailurePartition = "failure";

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

    public async Task SaveFailureAsync(RollupFailure failure, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(
            new TableEntity(FailurePartition, FailureRow(failure.TenantId, failure.Input))
            {
                ["TenantId"] = failure.TenantId,
                ["Input"] = failure.Input,
                // A cause is an exception message; a property holds 32 K characters.
                ["Cause"] = failure.Cause.Length > 4000 ? failure.Cause[..4000] : failure.Cause,
                ["At"] = failure.At,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<IReadOnlyList<RollupFailure>> ListFailuresAsync(CancellationToken cancellationToken)
    {
        var failures = new List<RollupFailure>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {FailurePartition}"), cancellationToken: cancellationToken))
        {
            failures.Add(new RollupFailure(e.GetString("TenantId"), e.GetString("Input"), e.GetString("Cause"), e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
        }

        return failures;
    }

    public async Task DeleteFailureAsync(string tenantId, string input, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(FailurePartition, FailureRow(tenantId, input), Azure.ETag.All, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    public async Task ClearFailuresAsync(string tenantId, CancellationToken cancellationToken)
    {
        var prefix = TableKeys.Escape(tenantId) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {FailurePartition} and RowKey ge {prefix} and RowKey lt {prefix + char.MaxValue}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await Table.DeleteEntityAsync(e.PartitionKey, e.RowKey, Azure.ETag.All, cancellationToken);
        }
    }

    private static string FailureRow(string tenantId, string input) => $"{TableKeys.Escape(tenantId)}|{TableKeys.Escape(input)}";
}
