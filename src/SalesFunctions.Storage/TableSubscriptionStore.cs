using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Storage;

/// <summary>Subscriptions by tenant (partition) and Graph subscription id (row).</summary>
public sealed class TableSubscriptionStore(StorageClients clients, StorageNames names) : ISubscriptionStore
{
    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.Subscriptions));

    public async Task SaveAsync(SubscriptionRecord subscription, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(subscription.TenantId), TableKeys.Escape(subscription.SubscriptionId))
        {
            ["TenantId"] = subscription.TenantId,
            ["SubscriptionId"] = subscription.SubscriptionId,
            ["Mailbox"] = subscription.Mailbox,
            ["Resource"] = subscription.Resource.ToString(),
            ["ClientStateHash"] = subscription.ClientStateHash,
            ["ExpiresAt"] = subscription.ExpiresAt,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<SubscriptionRecord?> FindAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(tenantId), TableKeys.Escape(subscriptionId), cancellationToken: cancellationToken);
        return found.HasValue ? ToRecord(tenantId, found.Value!) : null;
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var records = new List<SubscriptionRecord>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(tenantId)}"), cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(tenantId, entity));
        }

        return records;
    }

    public async Task<IReadOnlyList<SubscriptionRecord>> ListAllAsync(CancellationToken cancellationToken)
    {
        var records = new List<SubscriptionRecord>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(entity.GetString("TenantId") ?? entity.PartitionKey, entity));
        }

        return records;
    }

    public async Task DeleteAsync(string tenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(TableKeys.Escape(tenantId), TableKeys.Escape(subscriptionId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    private static SubscriptionRecord ToRecord(string tenantId, TableEntity entity) => new(
        tenantId,
        entity.GetString("SubscriptionId"),
        entity.GetString("Mailbox"),
        Enum.Parse<MailboxResource>(entity.GetString("Resource")),
        entity.GetString("ClientStateHash"),
        entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue);
}
