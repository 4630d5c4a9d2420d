using Azure;
using SalesFunctions.Core.Qualification;

namespace SalesFunctions.Storage;

/// <summary>The qualification configuration as one blob "qualification/tenant.json" next to the directories.</summary>
public sealed class BlobQualificationConfigStore(StorageClients clients, StorageNames names) : IQualificationConfigStore
{
    public async Task SaveAsync(string tenantId, string json, CancellationToken cancellationToken) =>
        await Blob(tenantId).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);

    public async Task<string?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(tenantId).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private Azure.Storage.Blobs.BlobClient Blob(string tenantId) =>
        clients.Blobs.GetBlobContainerClient(names.Container(StorageNames.Directories)).GetBlobClient($"qualification/{TableKeys.Escape(tenantId)}.json");
}
