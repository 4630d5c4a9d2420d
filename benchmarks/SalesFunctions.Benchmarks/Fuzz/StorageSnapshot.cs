using Azure.Data.Tables;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>
/// Everything a Host holds under its storage prefix, as comparable lines: each table row (keys and ETag), each queue's
/// message count and the ids of the messages at its head, each blob (name and ETag). Two snapshots differ exactly when
/// something was written, replaced or removed.
/// </summary>
public sealed class StorageSnapshot
{
    private StorageSnapshot(SortedSet<string> lines) => Lines = lines;

    public IReadOnlySet<string> Lines { get; }

    public static async Task<StorageSnapshot> TakeAsync(StorageClients clients, string prefix, CancellationToken cancellationToken)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var table in clients.Tables.QueryAsync(cancellationToken: cancellationToken))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in clients.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                lines.Add($"table {table.Name} {row.PartitionKey}|{row.RowKey} {row.ETag}");
            }
        }

        await foreach (var queue in clients.Queues.GetQueuesAsync(prefix: prefix, cancellationToken: cancellationToken))
        {
            var client = clients.Queues.GetQueueClient(queue.Name);
            var count = (await client.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            lines.Add($"queue {queue.Name} count {count}");
            foreach (var message in (await client.PeekMessagesAsync(32, cancellationToken)).Value)
            {
                lines.Add($"queue {queue.Name} message {message.MessageId}");
            }
        }

        await foreach (var container in clients.Blobs.GetBlobContainersAsync(prefix: prefix, cancellationToken: cancellationToken))
        {
            await foreach (var blob in clients.Blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(cancellationToken: cancellationToken))
            {
                lines.Add($"blob {container.Name}/{blob.Name} {blob.Properties.ETag}");
            }
        }

        return new StorageSnapshot(lines);
    }

    /// <summary>The lines only one of the two snapshots has, "+" for added and "-" for gone; empty when nothing changed.</summary>
    public IReadOnlyList<string> Changes(StorageSnapshot later) =>
        [.. later.Lines.Except(Lines).Select(l => "+ " + l), .. Lines.Except(later.Lines).Select(l => "- " + l)];
}
