using Azure.Data.Tables;
using SalesFunctions.Storage;

namespace SalesFunctions.Host.Tests;

/// <summary>
/// Everything a Host under test has stored under its prefix: each table's rows with their ETags, each queue's message
/// count, each container's blobs with their ETags. Two equal snapshots mean nothing was written in between.
/// </summary>
public static class StorageSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(HostUnderTest host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var clients = host.Service<StorageClients>();
        var prefix = host.Prefix;
        var lines = new List<string>();
        await foreach (var table in clients.Tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "{") < 0))
        {
            await foreach (var row in clients.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                lines.Add($"table {table.Name} {row.PartitionKey} {row.RowKey} {row.ETag}");
            }
        }

        await foreach (var queue in clients.Queues.GetQueuesAsync(prefix: prefix))
        {
            var properties = await clients.Queues.GetQueueClient(queue.Name).GetPropertiesAsync();
            lines.Add($"queue {queue.Name} {properties.Value.ApproximateMessagesCount}");
        }

        await foreach (var container in clients.Blobs.GetBlobContainersAsync(prefix: prefix))
        {
            await foreach (var blob in clients.Blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                lines.Add($"blob {container.Name} {blob.Name} {blob.Properties.ETag}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
