namespace SalesFunctions.Storage;

/// <summary>Creates every table, queue (with its poison twin) and container; safe to call on every start.</summary>
public sealed class StorageInitializer(StorageClients clients, StorageNames names)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            StorageNames.Tables.Select(t => clients.Tables.CreateTableIfNotExistsAsync(names.Table(t), cancellationToken))
                .Concat<Task>(StorageNames.Queues.Select(q => clients.Queues.GetQueueClient(names.Queue(q)).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
                .Concat(StorageNames.Containers.Select(c => clients.Blobs.GetBlobContainerClient(names.Container(c)).CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
    }
}
