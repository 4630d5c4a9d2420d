using System.Text.Json;
using Azure;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Storage;

/// <summary>The whole directory as one JSON blob per tenant: thousands of accounts outgrow a 64 KiB table property.</summary>
public sealed class BlobTenantDirectoryStore(StorageClients clients, StorageNames names) : ITenantDirectoryStore
{
    public async Task<TenantDirectory?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Blob(tenantId).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<TenantDirectory>(JsonSerializerOptions.Web);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveAsync(TenantDirectory directory, CancellationToken cancellationToken) =>
        await Blob(directory.TenantId).UploadAsync(BinaryData.FromObjectAsJson(directory, JsonSerializerOptions.Web), overwrite: true, cancellationToken);

    private Azure.Storage.Blobs.BlobClient Blob(string tenantId) =>
        clients.Blobs.GetBlobContainerClient(names.Container(StorageNames.Directories)).GetBlobClient($"{TableKeys.Escape(tenantId)}.json");
}
