using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Storage;

/// <summary>
/// CRM records in one partition per tenant and kind (the rollup reads a tenant's deals in one partition scan), rows
/// "connector|external id", fields with their versions as one JSON column. Processed event ids in a partition per
/// tenant and connector.
/// </summary>
public sealed class TableCrmStore(StorageClients clients, StorageNames names) : ICrmStore
{
    private TableClient Records => clients.Tables.GetTableClient(names.Table(StorageNames.CrmRecords));

    private TableClient Events => clients.Tables.GetTableClient(names.Table(StorageNames.CrmEvents));

    public async Task<(CrmRecord Record, string ETag)?> GetAsync(string tenantId, CrmEntityKind kind, string connectorId, string externalId, CancellationToken cancellationToken)
    {
        var found = await Records.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId, kind), Row(connectorId, externalId), cancellationToken: cancellationToken);
        return found.HasValue ? (ToRecord(tenantId, kind, found.Value!), found.Value!.ETag.ToString()) : null;
    }

    public async Task<bool> SaveAsync(CrmRecord record, string? etag, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(record.TenantId, record.Kind), Row(record.ConnectorId, record.ExternalId))
        {
            ["ConnectorId"] = record.ConnectorId,
            ["ExternalId"] = record.ExternalId,
            ["Fields"] = JsonSerializer.Serialize(record.Fields, JsonSerializerOptions.Web),
        };
        try
        {
            if (etag is null)
            {
                await Records.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await Records.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<CrmRecord> ListAsync(string tenantId, CrmEntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, kind)}");
        await foreach (var entity in Records.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRecord(tenantId, kind, entity);
        }
    }

    public async Task<bool> IsProcessedAsync(string tenantId, string connectorId, string eventId, CancellationToken cancellationToken) =>
        (await Events.GetEntityIfExistsAsync<TableEntity>(EventPartition(tenantId, connectorId), TableKeys.Escape(eventId), ["RowKey"], cancellationToken)).HasValue;

    public Task MarkProcessedAsync(string tenantId, string connectorId, string eventId, CancellationToken cancellationToken) =>
        Events.UpsertEntityAsync(new TableEntity(EventPartition(tenantId, connectorId), TableKeys.Escape(eventId)), TableUpdateMode.Replace, cancellationToken);

    public Task WarnAsync(CrmConnectorWarning warning, CancellationToken cancellationToken) =>
        Events.UpsertEntityAsync(new TableEntity(WarningPartition, $"{TableKeys.Escape(warning.TenantId)}|{warning.ConnectorId}|{Hash(warning.Warning)}")
        {
            ["TenantId"] = warning.TenantId,
            ["ConnectorId"] = warning.ConnectorId,
            ["Warning"] = warning.Warning,
            ["LastSeen"] = warning.LastSeen,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<CrmConnectorWarning>> ListWarningsAsync(CancellationToken cancellationToken)
    {
        var warnings = new List<CrmConnectorWarning>();
        await foreach (var entity in Events.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {WarningPartition}"), cancellationToken: cancellationToken))
        {
            warnings.Add(new CrmConnectorWarning(entity.GetString("TenantId"), entity.GetString("ConnectorId"), entity.GetString("Warning"), entity.GetDateTimeOffset("LastSeen")!.Value));
        }

        return [.. warnings.OrderByDescending(w => w.LastSeen)];
    }

    /// <summary>Event partitions are tenant|connector, and a tenant id (letters, digits, '-', '_', '.') never starts with '~'.</summary>
    private const string WarningPartition = "~warnings";

    private static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

    private static CrmRecord ToRecord(string tenantId, CrmEntityKind kind, TableEntity entity) =>
        new(tenantId, entity.GetString("ConnectorId"), kind, entity.GetString("ExternalId"))
        {
            Fields = new(JsonSerializer.Deserialize<Dictionary<string, CrmFieldValue>>(entity.GetString("Fields"), JsonSerializerOptions.Web)!, StringComparer.Ordinal),
        };

    private static string Partition(string tenantId, CrmEntityKind kind) => $"{TableKeys.Escape(tenantId)}|{kind.ToString().ToLowerInvariant()}";

    private static string Row(string connectorId, string externalId) => $"{connectorId}|{TableKeys.Escape(externalId)}";

    private static string EventPartition(string tenantId, string connectorId) => $"{TableKeys.Escape(tenantId)}|{connectorId}";
}
