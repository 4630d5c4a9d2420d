using System.Globalization;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Storage;

/// <summary>
/// Territory model versions as blobs "territories/tenant/yyyyMMddTHHmmssfffZ.json" next to the directories: a
/// 1,000-territory model outgrows a 64 KiB table property, and the uploaded text is kept as it was.
/// </summary>
public sealed class BlobTerritoryModelStore(StorageClients clients, StorageNames names) : ITerritoryModelStore
{
    public async Task SaveAsync(string tenantId, DateTimeOffset effectiveFrom, string json, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Prefix(tenantId)}{effectiveFrom.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}.json");
        await Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var versions = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Prefix(tenantId), cancellationToken))
        {
            versions.Add((await Container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content.ToString());
        }

        return versions;
    }

    private static string Prefix(string tenantId) => $"territories/{TableKeys.Escape(tenantId)}/";

    private Azure.Storage.Blobs.BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(names.Container(StorageNames.Directories));
}
