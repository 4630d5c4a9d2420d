using Azure.Data.Tables;
using SalesFunctions.Core.Sync;

namespace SalesFunctions.Storage;

/// <summary>Sync state per tenant (partition) and mailbox folder (row).</summary>
public sealed class TableSyncStateStore(StorageClients clients, StorageNames names) : ISyncStateStore
{
    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.SyncState));

    public async Task<SyncState?> GetAsync(string tenantId, string mailbox, string folder, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(tenantId), RowKey(mailbox, folder), cancellationToken: cancellationToken);
        return found.HasValue ? ToState(tenantId, found.Value!) : null;
    }

    public async Task SaveAsync(SyncState state, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(state.TenantId), RowKey(state.Mailbox, state.Folder))
        {
            ["Mailbox"] = state.Mailbox,
            ["Folder"] = state.Folder,
            ["Status"] = state.Status.ToString(),
            ["Cursor"] = state.Cursor,
            ["LastSuccessAt"] = state.LastSuccessAt,
            ["LastError"] = state.LastError?.ToString(),
            ["LastErrorAt"] = state.LastErrorAt,
            ["ItemsSeen"] = state.ItemsSeen,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<SyncState>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var states = new List<SyncState>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(tenantId)}"), cancellationToken: cancellationToken))
        {
            states.Add(ToState(tenantId, entity));
        }

        return states;
    }

    public async Task DeleteAsync(SyncState state, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(TableKeys.Escape(state.TenantId), RowKey(state.Mailbox, state.Folder), Azure.ETag.All, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    private static string RowKey(string mailbox, string folder) => TableKeys.Escape($"{mailbox.ToLowerInvariant()}|{folder}");

    private static SyncState ToState(string tenantId, TableEntity entity) => new(
        tenantId,
        entity.GetString("Mailbox"),
        entity.GetString("Folder"),
        Enum.Parse<SyncStatus>(entity.GetString("Status")),
        entity.GetString("Cursor"),
        entity.GetDateTimeOffset("LastSuccessAt"),
        entity.GetString("LastError") is { } error ? Enum.Parse<SyncFailureKind>(error) : null,
        entity.GetDateTimeOffset("LastErrorAt"),
        entity.GetInt64("ItemsSeen") ?? 0);
}
