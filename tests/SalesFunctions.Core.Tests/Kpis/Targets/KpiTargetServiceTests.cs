using Microsoft.Extensions.Logging.Abstractions;
using SalesFunctions.Core.Csv;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Tests.Fakes;

namespace SalesFunctions.Core.Tests.Kpis.Targets;

/// <summary>Which targets are in force (uploaded over configured), and which periods an upload marks for recomputation.</summary>
public sealed class KpiTargetServiceTests
{
    private const string Tenant = "tenant-a";
    private const string Header = "kind,dimension,key,period,amount\n";

    private readonly InMemoryStores _dirty = new();
    private readonly InMemoryKpiTargetStore _store = new();
    private readonly KpiOptions _options = new() { MinutesPerEmail = 7m };

    [Fact]
    public async Task GetAsync_WhenNothingIsConfiguredOrUploaded_GivesMinutesPerEmailAndNoTargets()
    {
        var settings = await Source().GetAsync(Tenant, CancellationToken.None);

        Assert.Equal(7m, settings.MinutesPerEmail);
        Assert.Equal((0, 0, 0), (settings.Quotas.Count, settings.Forecasts.Count, settings.Spend.Count));
        Assert.Null(await Source().GetTargetsAsync(Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_WhenOnlyConfigured_GivesTheConfiguredTargetsOfThatTenantOnly()
    {
        Configure("quota", "rep", "rep-01", "2026-Q4", 1000m);

        var settings = await Source().GetAsync(Tenant, CancellationToken.None);
        var other = await Source().GetAsync("tenant-b", CancellationToken.None);

        Assert.Equal(new Quota(KpiDimension.Rep, "rep-01", Q("2026-Q4"), 1000m), Assert.Single(settings.Quotas));
        Assert.Empty(other.Quotas);
    }

    [Fact]
    public async Task GetAsync_WhenUploadedAndConfigured_UsesOnlyTheUploadedSet()
    {
        Configure("quota", "rep", "rep-01", "2026-Q4", 1000m);
        Configure("forecast", "rep", "rep-01", "2026-Q4", 900m);

        // The same quota in both sources: adding them up would double it.
        await Service().ImportCsvAsync(Tenant, Header + "quota,rep,rep-01,2026-Q4,1000\n", CancellationToken.None);
        var settings = await Source().GetAsync(Tenant, CancellationToken.None);

        Assert.Equal(1000m, Assert.Single(settings.Quotas).Amount);
        Assert.Empty(settings.Forecasts);
        Assert.Equal(7m, settings.MinutesPerEmail);
    }

    [Fact]
    public async Task ImportCsvAsync_WhenSumsChangeInSomePeriods_MarksTheFirstDayOfOnlyThosePeriods()
    {
        Configure("quota", "rep", "rep-01", "2026-Q4", 1000m);          // unchanged, though split into two entries
        Configure("quota", "rep", "rep-02", "2026-11", 500m);           // changed amount
        Configure("forecast", "team", "team-a", "2026-W41", 10m);       // removed
        Configure("spend", null, null, "2026-10-05", 20m);              // unchanged

        var import = await Service().ImportCsvAsync(Tenant, Header
            + "quota,rep,rep-01,2026-Q4,600\nquota,rep,rep-01,2026-Q4,400\n"
            + "quota,rep,rep-02,2026-11,550\n"
            + "spend,,,2026-10-05,20\n"
            + "forecast,tenant,,2027-01,5\n", CancellationToken.None);                    // added

        Assert.Equal([new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 1)], _dirty.DirtyDays.Order());
        Assert.Equal((3, 1, 1), (import.Quotas, import.Forecasts, import.Spend));
        Assert.Equal(["2026-W41", "2026-11", "2027-01"], import.PeriodsMarked);
        Assert.Equal(3, (await _store.GetAsync(Tenant, CancellationToken.None))!.Quotas.Count);
    }

    [Fact]
    public async Task ImportCsvAsync_WhenAnEntityOfAnotherDimensionChanges_MarksItsPeriod()
    {
        await Service().ImportCsvAsync(Tenant, Header + "quota,rep,x,2026-Q4,1\n", CancellationToken.None);
        var dirtyBefore = _dirty.DirtyDays.Count;

        // Same key, same period, same amount, but a team's quota instead of a rep's: both sums changed.
        var import = await Service().ImportCsvAsync(Tenant, Header + "quota,team,x,2026-Q4,1\n", CancellationToken.None);

        Assert.Equal(1, dirtyBefore);
        Assert.Equal(["2026-Q4"], import.PeriodsMarked);
    }

    [Fact]
    public async Task ImportCsvAsync_WhenTheSameFileIsUploadedAgain_MarksNothingAndStillSaves()
    {
        const string csv = Header + "quota,rep,rep-01,2026-Q4,1000\nspend,,,2026-Q4,5\n";
        var first = await Service().ImportCsvAsync(Tenant, csv, CancellationToken.None);
        foreach (var day in await _dirty.ListAsync(CancellationToken.None))
        {
            await _dirty.ClearAsync(day, CancellationToken.None);
        }

        var second = await Service().ImportCsvAsync(Tenant, csv, CancellationToken.None);

        Assert.Equal(["2026-Q4"], first.PeriodsMarked);
        Assert.Empty(second.PeriodsMarked);
        Assert.Empty(_dirty.DirtyDays);
        Assert.Equal(2, _store.Saves);
    }

    [Fact]
    public async Task ImportCsvAsync_WhenTheFileIsInvalid_ThrowsAndStoresAndMarksNothing()
    {
        Configure("quota", "rep", "rep-01", "2026-Q4", 1000m);

        var error = await Assert.ThrowsAsync<CsvException>(() =>
            Service().ImportCsvAsync(Tenant, Header + "quota,rep,rep-01,2026-Q4,5\nquota,rep,rep-02,2026-Q4,lots\n", CancellationToken.None));

        Assert.Equal(3, error.Line);
        Assert.Null(await _store.GetAsync(Tenant, CancellationToken.None));
        Assert.Empty(_dirty.DirtyDays);
    }

    private KpiSettingsSource Source() => new(new FixedOptionsMonitor<KpiOptions>(_options), _store);

    private KpiTargetService Service() =>
        new(_store, Source(), new DirtyDays(_dirty, new RollupRequests(new Moq.Mock<IQueuePublisher>().Object, new FixedOptionsMonitor<KpiOptions>(_options), TimeProvider.System)),
            NullLogger<KpiTargetService>.Instance);

    private void Configure(string kind, string? dimension, string? key, string period, decimal amount)
    {
        if (!_options.Tenants.TryGetValue(Tenant, out var targets))
        {
            _options.Tenants[Tenant] = targets = new KpiTargetOptions();
        }

        var entry = new KpiTargetEntryOptions { Dimension = dimension, Key = key, Period = period, Amount = amount };
        switch (kind)
        {
            case "quota":
                targets.Quotas.Add(entry);
                break;
            case "forecast":
                targets.Forecasts.Add(entry);
                break;
            default:
                targets.Spend.Add(new KpiSpendEntryOptions { Period = period, Amount = amount });
                break;
        }
    }

    private static KpiPeriod Q(string key) => KpiTargetsCsvTests.Period(key);
}
