using Azure.Data.Tables;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Storage;

/// <summary>One row per tenant in the run-status table (partition "rematch").</summary>
public sealed class TableRematchWatermarks(StorageClients clients, StorageNames names) : IRematchWatermarks
{
    private const string Partition = "rematch";

    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.RollupStatus));

    public async Task<DateTimeOffset?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, tenantId, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? entity.GetDateTimeOffset("StartedAt") : null;
    }

    /// <summary>
    /// Read, then write if later. Two runs finishing at once may leave the earlier start: that only lets a later message
    /// run once more, never skip a change.
    /// </summary>
    public async Task AdvanceAsync(string tenantId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (await GetAsync(tenantId, cancellationToken) is { } held && held >= startedAt)
        {
            return;
        }

        await Table.UpsertEntityAsync(new TableEntity(Partition, tenantId) { ["StartedAt"] = startedAt }, TableUpdateMode.Replace, cancellationToken);
    }
}
