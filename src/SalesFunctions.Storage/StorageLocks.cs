using Azure.Storage.Blobs;

namespace SalesFunctions.Storage;

/// <summary>The container whose blob leases keep one timer run, and one rollup per tenant, at a time across instances.</summary>
public sealed class StorageLocks(StorageClients clients, StorageNames names)
{
    public BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(names.Container(StorageNames.Locks));
}
