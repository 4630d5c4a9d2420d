using System.Globalization;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Storage;

/// <summary>
/// Raw CRM webhook bodies as blobs "tenant/connector/yyyy/MM/dd/id", written before the acknowledgement. The container's
/// lifecycle rule (infra/) deletes them after the retention period, since they hold contact data.
/// </summary>
public sealed class BlobCrmPayloadStore(StorageClients clients, StorageNames names, TimeProvider time) : ICrmPayloadStore
{
    public async Task<string> SaveAsync(string tenantId, string connectorId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{TableKeys.Escape(tenantId)}/{connectorId}/{time.GetUtcNow():yyyy/MM/dd}/{Guid.NewGuid():N}");
        await Container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(body), overwrite: false, cancellationToken);
        return name;
    }

    public async Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken) =>
        (await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    private Azure.Storage.Blobs.BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(names.Container(StorageNames.CrmPayloads));
}
