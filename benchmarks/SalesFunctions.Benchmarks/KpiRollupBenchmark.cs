using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using SalesFunctions.Core;
using SalesFunctions.Core.Kpis.Rollup;
using Activity = SalesFunctions.Core.Activities.Activity;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// The KPI rollup end to end on Azurite: the generated year of <see cref="KpiBenchmarkData"/> is loaded into empty
/// storage (timed, but not part of the measurement), then <see cref="KpiRollupService.RecomputeAllAsync"/> rebuilds
/// every cell from the stored activities and CRM records. The baseline, in the same run and on the same Azurite, reads
/// the same activity rows back raw, with the queries the rollup's reads use. The check is cheap: the stored months'
/// touchpoints against the catalogue computed in memory over the generated data. The Azurite the script starts keeps
/// every table in memory and finds a row to upsert by scanning the rows that share its RowKey, which is why series rows
/// carry unique RowKeys (ADR 0015). At 1,000,000 activities (about 1,650,000 cells, each stored twice) the rollup takes
/// close to an hour, nearly all of it writing cells (README).
/// </summary>
internal static class KpiRollupBenchmark
{
    public sealed record Result(
        int Activities,
        int Deals,
        int Cases,
        TimeSpan Import,
        TimeSpan Load,
        int RawRows,
        TimeSpan RawRead,
        TimeSpan Rollup,
        TimeSpan Reading,
        TimeSpan Computing,
        TimeSpan Writing,
        int Cells,
        long PeakWorkingSet,
        long RollupWorkingSet,
        int Months,
        int Mismatches,
        IReadOnlyList<string> Examples,
        IReadOnlyDictionary<StorageCall, long> RollupCalls,
        IReadOnlyDictionary<StorageCall, long> RollupBatchEntities)
    {
        public double RawRowsPerSecond => RawRows / RawRead.TotalSeconds;

        public double ActivitiesPerSecond => Activities / Rollup.TotalSeconds;

        public double CellsPerSecond => Cells / Rollup.TotalSeconds;

        /// <summary>The load's batched upserts (an activity row and an index entry each): what Azurite writes at its best.</summary>
        public double ImportEntitiesPerSecond => 2 * Activities / Import.TotalSeconds;

        /// <summary>Entities the rollup's store writes per second of its time: every cell twice, in the series and the period layout.</summary>
        public double CellEntitiesPerSecond => 2 * Cells / Writing.TotalSeconds;

        /// <summary>What the rollup after the reads, computing and writing, keeps of the raw read rate.</summary>
        public double Ratio => ActivitiesPerSecond / RawRowsPerSecond;

        /// <summary>The rollup's time outside the phases the progress reports and the store's clock separate (recording the catalogue version).</summary>
        public TimeSpan Other => Rollup - Reading - Computing - Writing;
    }

    // Slices bound the table entities an import holds at once; 8 transactions are in flight within each.
    private const int ImportSlice = 50_000;
    private const int CrmParallelism = 16;

    public static async Task<Result> RunAsync(string connectionString, int activityCount, int dealCount, int caseCount, Action<string> progress)
    {
        progress($"generating {activityCount:N0} activities, {dealCount:N0} deals, {caseCount:N0} cases...");
        KpiBenchmarkData? data = new(activityCount, dealCount, caseCount);
        var directory = data.Directory;
        List<(Activity Activity, DateOnly Day)>? stored = [.. data.Activities.Select(a => (a, directory.LocalDay(a.OccurredAt)))];
        var factDays = data.Deals.Concat(data.Cases).SelectMany(CrmFact.Of).Select(f => directory.LocalDay(f.At)).ToList();
        var firstDay = stored.Select(s => s.Day).Concat(factDays).Min();
        var lastDay = stored.Select(s => s.Day).Concat(factDays).Max();

        // The expected months before the data is dropped: the rollup's memory should be its own, not the generator's.
        var clock = Stopwatch.StartNew();
        var months = KpiPeriod.Between(KpiGrain.Month, firstDay, lastDay).ToList();
        var expected = KpiCatalogue.Compute(new KpiInputs(directory, data.Activities, data.Deals, data.Cases, data.Crm, new KpiSettings()), months)
            .Where(c => c.Dimension == KpiDimension.Tenant)
            .ToDictionary(c => c.Period.Start, Touchpoints);
        progress($"in memory: {months.Count} months of the catalogue in {clock.Elapsed.TotalSeconds:F1} s ({firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd})");

        await using var services = await CreateServicesAsync(connectionString, data.Crm);
        var kpis = (TimedKpiStore)services.GetRequiredService<IKpiStore>();

        clock.Restart();
        await services.GetRequiredService<ITenantDirectoryStore>().SaveAsync(directory, CancellationToken.None);
        var activityStore = (TableActivityStore)services.GetRequiredService<IActivityStore>();
        foreach (var slice in stored.Chunk(ImportSlice))
        {
            await activityStore.ImportAsync(slice, CancellationToken.None);
        }

        var import = clock.Elapsed;
        progress($"load: {stored.Count:N0} activities in {import.TotalSeconds:F1} s");
        var crm = services.GetRequiredService<ICrmStore>();
        await Parallel.ForEachAsync(data.Deals.Concat(data.Cases), new ParallelOptions { MaxDegreeOfParallelism = CrmParallelism }, async (record, token) =>
        {
            if (!await crm.SaveAsync(record, null, token))
            {
                throw new InvalidOperationException("Storage was not empty: a CRM record already existed.");
            }
        });
        var load = clock.Elapsed;
        progress($"load: and {dealCount + caseCount:N0} CRM records, {load.TotalSeconds:F1} s in all");
        (data, stored) = (null, null);
        GC.Collect();

        clock.Restart();
        var rawRows = await ReadRawAsync(services, directory.TenantId, firstDay, lastDay);
        var rawRead = clock.Elapsed;
        progress($"baseline: {rawRows:N0} activity rows read raw, in week spans, in {rawRead.TotalSeconds:F1} s");
        if (rawRows != activityCount)
        {
            throw new InvalidOperationException($"{rawRows} activity rows stored, {activityCount} loaded.");
        }

        var rollup = services.GetRequiredService<KpiRollupService>();
        using var sampling = new CancellationTokenSource();
        var sampler = MaxWorkingSetAsync(sampling.Token);
        var phases = new PhaseSplitter(p => progress(
            $"rollup: days read {p.DaysRead}/{p.DaysTotal}, periods {p.PeriodsDone}/{p.PeriodsTotal}, cells written {p.CellsWritten:N0}"));
        var counter = services.GetRequiredService<StorageCallCounter>();
        var before = counter.Snapshot();
        var entitiesBefore = counter.BatchEntities();
        clock.Restart();
        var cells = await rollup.RecomputeAllAsync(directory, lastDay, phases, CancellationToken.None);
        var elapsed = clock.Elapsed;
        var rollupCalls = counter.Since(before);
        var rollupEntities = counter.BatchEntitiesSince(entitiesBefore);
        await sampling.CancelAsync();
        var rollupWorkingSet = await sampler;

        var storedMonths = (await kpis.GetSeriesAsync(directory.TenantId, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, KpiGrain.Month, firstDay, lastDay, CancellationToken.None))
            .ToDictionary(c => c.Cell.Period.Start, c => Touchpoints(c.Cell));
        var examples = expected
            .Where(e => storedMonths.GetValueOrDefault(e.Key) != e.Value)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key:yyyy-MM}: stored {storedMonths.GetValueOrDefault(e.Key)} touchpoints, in memory {e.Value}"))
            .Concat(storedMonths.Keys.Except(expected.Keys).Select(m => $"{m:yyyy-MM}: stored, but not a month of the data"))
            .ToList();
        progress(string.Create(CultureInfo.InvariantCulture,
            $"check: {expected.Values.Sum():N0} touchpoints in memory, {storedMonths.Values.Sum():N0} stored, over {expected.Count} months"));

        using var process = Process.GetCurrentProcess();
        return new Result(
            activityCount, dealCount, caseCount, import, load, rawRows, rawRead, elapsed, phases.Reading, phases.ComputingAndWriting - kpis.Replacing,
            kpis.Replacing, cells, process.PeakWorkingSet64, rollupWorkingSet, expected.Count, examples.Count, examples, rollupCalls, rollupEntities);
    }

    /// <summary>
    /// The Core and Storage services as the Host registers them, on a fresh name prefix, with the generated data's CRM
    /// options (so that stored and in-memory cells convert currencies alike) and a clock around the KPI store's writes.
    /// </summary>
    private static async Task<ServiceProvider> CreateServicesAsync(string connectionString, CrmOptions crm)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:Prefix"] = "rollup" + Guid.NewGuid().ToString("N")[..6],
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSalesFunctionsCore().AddSalesFunctionsStorage(configuration);
        services.PostConfigure<CrmOptions>(options =>
        {
            options.ReportingCurrency = crm.ReportingCurrency;
            foreach (var (currency, rate) in crm.ExchangeRates)
            {
                options.ExchangeRates[currency] = rate;
            }

            foreach (var (id, connector) in crm.Connectors)
            {
                options.Connectors[id] = connector;
            }
        });
        services.AddSingleton<IKpiStore>(provider => new TimedKpiStore(ActivatorUtilities.CreateInstance<TableKpiStore>(provider)));
        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }

    private static decimal Touchpoints(KpiCell cell) =>
        (cell.Values["emailsSent"] ?? 0) + (cell.Values["emailsReceived"] ?? 0) + (cell.Values["meetings"] ?? 0);

    /// <summary>
    /// Every activity row of the tenant as the SDK delivers it, with no mapping to activities, read the way
    /// <see cref="TableActivityStore.ListBetweenAsync"/> reads: week-long partition ranges, as many in flight.
    /// </summary>
    private static async Task<int> ReadRawAsync(IServiceProvider services, string tenantId, DateOnly from, DateOnly to)
    {
        var table = services.GetRequiredService<StorageClients>().Tables.GetTableClient(services.GetRequiredService<StorageNames>().Table(StorageNames.Activities));
        var rows = 0;
        var filters = TableActivityStore.SpanFilters(tenantId, from, to);
        await Parallel.ForEachAsync(filters, new ParallelOptions { MaxDegreeOfParallelism = TableActivityStore.ReadAhead }, async (filter, token) =>
        {
            var count = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(filter, cancellationToken: token))
            {
                count++;
            }

            Interlocked.Add(ref rows, count);
        });
        return rows;
    }

    /// <summary>The largest working set seen until cancelled: the rollup's own, which the process peak (set by generation) hides.</summary>
    private static async Task<long> MaxWorkingSetAsync(CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        long max = 0;
        while (true)
        {
            process.Refresh();
            max = Math.Max(max, process.WorkingSet64);
            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return max;
            }
        }
    }

    /// <summary>
    /// Splits the rollup's time at its progress reports, without changing the service: it reports once a chunk's
    /// activities are read (the first time after loading the CRM records too) and once its periods are computed and
    /// stored. Reports arrive on the rollup's own thread, so the clock reads between them are exact.
    /// </summary>
    private sealed class PhaseSplitter(Action<RecomputeProgress> then) : IProgress<RecomputeProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _mark;
        private RecomputeProgress _last = new(0, 0, 0, 0, 0);

        public TimeSpan Reading { get; private set; }

        public TimeSpan ComputingAndWriting { get; private set; }

        public void Report(RecomputeProgress value)
        {
            var now = _clock.Elapsed;
            if (value.DaysRead > _last.DaysRead)
            {
                Reading += now - _mark;
            }
            else if (value.PeriodsDone > _last.PeriodsDone)
            {
                ComputingAndWriting += now - _mark;
            }

            (_mark, _last) = (now, value);
            then(value);
        }
    }
}
