using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Targets;

namespace SalesFunctions.Storage;

/// <summary>
/// A tenant's uploaded targets as one JSON blob "kpi-targets/tenant.json" next to the directories: a year of quarterly
/// quotas for a thousand reps outgrows a 64 KiB table property. Periods are stored by their keys ("2026-Q4").
/// </summary>
public sealed class BlobKpiTargetStore(StorageClients clients, StorageNames names) : IKpiTargetStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new PeriodKeyConverter() } };

    public async Task<KpiTargets?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(tenantId).DownloadContentAsync(cancellationToken)).Value.Content.ToObjectFromJson<KpiTargets>(Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (JsonException e)
        {
            // Written around the upload's checks (by hand, or by a version that accepted more): the rollup sets it aside.
            throw new InvalidDataException($"The stored KPI targets of tenant {tenantId} cannot be read: {e.Message}", e);
        }
    }

    public async Task SaveAsync(string tenantId, KpiTargets targets, CancellationToken cancellationToken) =>
        await Blob(tenantId).UploadAsync(BinaryData.FromObjectAsJson(targets, Json), overwrite: true, cancellationToken);

    private Azure.Storage.Blobs.BlobClient Blob(string tenantId) =>
        clients.Blobs.GetBlobContainerClient(names.Container(StorageNames.Directories)).GetBlobClient($"kpi-targets/{TableKeys.Escape(tenantId)}.json");

    /// <summary>A period as its key: readable in the blob, and free of the derived members (End, WorkingDays) the struct exposes.</summary>
    private sealed class PeriodKeyConverter : JsonConverter<KpiPeriod>
    {
        public override KpiPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            KpiPeriod.TryParse(reader.GetString(), out var period) ? period : throw new JsonException($"'{reader.GetString()}' is not a KPI period key.");

        public override void Write(Utf8JsonWriter writer, KpiPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.Key);
    }
}
