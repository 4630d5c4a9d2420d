using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Targets;

namespace SalesFunctions.Storage.Tests;

public sealed class BlobKpiTargetStoreTests : StorageTestBase
{
    [Fact]
    public async Task SaveAsync_WhenReadBack_RoundTripsEveryEntryAndOtherTenantsHaveNone()
    {
        var store = Get<IKpiTargetStore>();
        var targets = new KpiTargets(
            [new Quota(KpiDimension.Rep, "rep-01", Period("2026-Q4"), 60000.50m), new Quota(KpiDimension.Rep, "rep-01", Period("2026-Q4"), 1m)],
            [new Forecast(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, Period("2026-W53"), 0m)],
            [new Spend(Period("2026-10-05"), 1234.5m)]);

        await store.SaveAsync("tenant-a", targets, CancellationToken.None);
        var read = await store.GetAsync("tenant-a", CancellationToken.None);

        Assert.Equal(targets.Quotas, read!.Quotas);
        Assert.Equal(targets.Forecasts, read.Forecasts);
        Assert.Equal(targets.Spend, read.Spend);
        Assert.Null(await store.GetAsync("tenant-b", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_WhenTheStoredPeriodIsOutsideTheSupportedDays_ThrowsInvalidDataForTheRollupToSetAside()
    {
        var store = Get<IKpiTargetStore>();
        await store.SaveAsync("tenant-a", new KpiTargets([new Quota(KpiDimension.Rep, "rep-01", Period("2026-Q4"), 1m)], [], []), CancellationToken.None);
        var blob = Get<StorageClients>().Blobs.GetBlobContainerClient(Get<StorageNames>().Container(StorageNames.Directories)).GetBlobClient("kpi-targets/tenant-a.json");
        var json = (await blob.DownloadContentAsync()).Value.Content.ToString();
        await blob.UploadAsync(BinaryData.FromString(json.Replace("2026-Q4", "9999-12", StringComparison.Ordinal)), overwrite: true);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("tenant-a", CancellationToken.None));

        Assert.Contains("9999-12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_WhenSavedAgain_ReplacesTheWholeSet()
    {
        var store = Get<IKpiTargetStore>();
        await store.SaveAsync("tenant-a", new KpiTargets([new Quota(KpiDimension.Team, "team-a", Period("2026-10"), 5m)], [], []), CancellationToken.None);

        await store.SaveAsync("tenant-a", KpiTargets.Empty, CancellationToken.None);

        Assert.Equivalent(KpiTargets.Empty, await store.GetAsync("tenant-a", CancellationToken.None));
        Assert.Equal("""{"quotas":[],"forecasts":[],"spend":[]}""", await BlobTextAsync("tenant-a"));
    }

    [Fact]
    public async Task SaveAsync_WhenTargetsHavePeriods_WritesThemAsPeriodKeys()
    {
        await Get<IKpiTargetStore>().SaveAsync("tenant-a", new KpiTargets([], [], [new Spend(Period("2026-Q4"), 7m)]), CancellationToken.None);

        Assert.Equal("""{"quotas":[],"forecasts":[],"spend":[{"period":"2026-Q4","salesAndMarketing":7}]}""", await BlobTextAsync("tenant-a"));
    }

    /// <summary>The blob as stored, read past the store: the layout docs/storage.md promises.</summary>
    private async Task<string> BlobTextAsync(string tenantId) =>
        (await Get<StorageClients>().Blobs.GetBlobContainerClient(Get<StorageNames>().Container(StorageNames.Directories))
            .GetBlobClient($"kpi-targets/{tenantId}.json").DownloadContentAsync()).Value.Content.ToString();

    private static KpiPeriod Period(string key) => KpiPeriod.TryParse(key, out var period) ? period : throw new ArgumentException(key, nameof(key));
}
