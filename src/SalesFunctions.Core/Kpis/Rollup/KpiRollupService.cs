using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Telemetry;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// The rollup, run by the timer for every tenant and by the rollup queue for one (ADR 0022): recompute the KPI cells (every grain, dimension and catalogue KPI) of the periods that dirty days put
/// in question, from the stored activities and CRM records, and replace them. Never increments, so a replayed message,
/// a late activity or a rerun cannot double count (ADR 0013).
/// </summary>
public sealed partial class KpiRollupService(
    IDirtyDayStore dirtyDays,
    IActivityStore activities,
    ICrmStore crm,
    IKpiStore kpis,
    ITenantDirectoryStore directories,
    IRollupStatusStore status,
    IRollupLocks locks,
    RollupRequests requests,
    KpiSettingsSource settings,
    IOptionsMonitor<CrmOptions> crmOptions,
    SalesFunctionsMetrics metrics,
    TimeProvider time,
    ILogger<KpiRollupService> logger)
{
    /// <summary>The failure input of a tenant that could not be rolled up at all; its days stay dirty.</summary>
    private const string WholeTenant = "tenant";

    /// <summary>
    /// Where a full recompute starts at the earliest, whatever the age of the history (ADR 0018): a mail archive from
    /// 1999 counts. No mail or CRM system kept records before 1970, so a fact dated earlier is a typo (1900, 0001), and a
    /// floor keeps it from turning into a computation of every period since.
    /// </summary>
    public static readonly DateOnly HistoryFloor = new(1970, 1, 1);

    /// <summary>OpenTelemetry's default limit of links per span: the rest of a large run's sample is left out.</summary>
    public const int MaxLinkedTraces = 128;

    /// <summary>Every tenant with dirty days or an outdated catalogue stamp; a tenant another run holds is left to it.</summary>
    public async Task<RollupRun> RunAsync(CancellationToken cancellationToken) => (await RunAsync(null, cancellationToken))!;

    /// <returns>False, with nothing done, when another run holds the tenant.</returns>
    public async Task<bool> RunTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        await RunAsync(tenantId, cancellationToken) is not null;

    /// <summary>
    /// A "rollup" queue message: the tenant now. When another run holds it (the timer, or a request on another
    /// instance), the request comes back one window later, because that run may have listed the tenant's days before the
    /// marks that sent this request.
    /// </summary>
    public async Task RunRequestedAsync(RollupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!KeyText.IsSafeId(request.TenantId))
        {
            throw new ArgumentException("The rollup request names no valid tenant id.", nameof(request));
        }

        if (!await RunTenantAsync(request.TenantId, cancellationToken))
        {
            await requests.RequestAgainAsync(request, cancellationToken);
        }
    }

    /// <returns>The run, or null when the one tenant asked for was held by another run.</returns>
    private async Task<RollupRun?> RunAsync(string? onlyTenant, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var dirty = onlyTenant is null ? await dirtyDays.ListAsync(cancellationToken) : await dirtyDays.ListAsync(onlyTenant, cancellationToken);

        // The run links to the traces of the items whose marks it consumes (a sample: ADR 0020).
        using var span = SalesFunctionsTracing.StartLinked("rollup", dirty.SelectMany(d => d.TraceParents), MaxLinkedTraces);
        var stamps = (await status.GetCatalogueStampsAsync(cancellationToken))
            .Where(s => onlyTenant is null || s.Key == onlyTenant).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var options = crmOptions.CurrentValue;
        var daysByTenant = dirty.GroupBy(d => d.TenantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // A tenant whose cells were built with another catalogue version, configuration or store layout is rebuilt whole,
        // dirty days or not: nothing marks days when those change. A tenant never rebuilt is too, on its first dirty day.
        var currentStamps = daysByTenant.Keys.Union(stamps.Keys, StringComparer.Ordinal).ToDictionary(
            t => t, t => new CatalogueStamp(KpiCatalogue.Version, settings.Fingerprint(t, options), kpis.Layout), StringComparer.Ordinal);
        var stopped = (await status.ListFailuresAsync(cancellationToken)).Where(f => f.Input == WholeTenant).Select(f => f.TenantId).ToHashSet(StringComparer.Ordinal);
        int cells = 0, stillDirty = 0, held = 0;
        foreach (var tenantId in currentStamps.Keys.Where(t => daysByTenant.ContainsKey(t) || stamps[t] != currentStamps[t]).ToList())
        {
            using var tenantSpan = SalesFunctionsTracing.StartStep("rollup tenant", tenantId);
            try
            {
                await using var tenantLock = await locks.TryLockTenantAsync(tenantId, cancellationToken);
                if (tenantLock is null)
                {
                    // Its days stay dirty: the run that holds it clears only what it listed.
                    tenantSpan.SetOutcome("held by another run");
                    held++;
                    continue;
                }

                var (written, remarked) = await RollUpTenantAsync(tenantId, daysByTenant.GetValueOrDefault(tenantId) ?? [], stamps.GetValueOrDefault(tenantId), currentStamps[tenantId], cancellationToken);
                (cells, stillDirty) = (cells + written, stillDirty + remarked);
                if (stopped.Contains(tenantId))
                {
                    // What stopped it (storage, a missing directory) has passed.
                    await status.DeleteFailureAsync(tenantId, WholeTenant, cancellationToken);
                }

                tenantSpan.SetOutcome(remarked == 0 ? "done" : "some days still dirty");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                tenantSpan.SetFailed(e);
                // Nothing narrower than the tenant failed (its directory, storage): its days stay dirty for the next run,
                // and the other tenants roll up now.
                await SetAsideAsync(tenantId, WholeTenant, e, cancellationToken);
            }
        }

        if (onlyTenant is not null && held > 0)
        {
            return null;
        }

        var run = new RollupRun(startedAt, time.GetUtcNow(), dirty.Count, cells, stillDirty);
        await status.SaveAsync(run, cancellationToken);
        metrics.DaysRolledUp.Add(dirty.Count);
        metrics.RollupCellsWritten.Add(cells);
        metrics.RollupDuration.Record(time.GetElapsedTime(started).TotalSeconds);
        span?.SetTag("salesfunctions.rollup.days", dirty.Count).SetTag("salesfunctions.rollup.cells", cells)
            .SetOutcome(stillDirty == 0 ? "done" : "some days still dirty");
        LogRun(logger, dirty.Count, cells, stillDirty, (run.CompletedAt - run.StartedAt).TotalMilliseconds);
        return run;
    }

    /// <summary>
    /// One tenant's share of a run. A dirty day outside <see cref="SupportedDays"/>, or one whose recomputation fails
    /// for a fault of its input, is set aside (logged with its cause, cleared, listed in the status) and every other
    /// day is computed: one bad input never stops a tenant's KPIs.
    /// </summary>
    private async Task<(int Cells, int StillDirty)> RollUpTenantAsync(
        string tenantId, List<DirtyDay> tenantDays, CatalogueStamp? stored, CatalogueStamp current, CancellationToken cancellationToken)
    {
        // Read fresh, not cached: a directory import must show in the next rollup everywhere.
        if (await directories.GetAsync(tenantId, cancellationToken) is not { } directory)
        {
            // Dirty days of an unknown tenant are a fault; a stamp left by a removed tenant is not.
            return tenantDays.Count > 0 ? throw new TenantNotConfiguredException(tenantId) : (0, 0);
        }

        var today = directory.LocalDay(time.GetUtcNow());
        var cells = 0;
        var usable = tenantDays.Where(d => SupportedDays.Contains(d.Day)).ToList();

        if (stored == current)
        {
            try
            {
                cells += await RecomputeAsync(directory, KpiRollupRanges.Affected(usable.Select(d => d.Day), today), null, cancellationToken);
            }
            catch (Exception e) when (IsInputFault(e))
            {
                // Which day is at fault is not known: each is recomputed on its own, and only the failing ones are set aside.
                cells = 0;
                foreach (var day in usable.ToList())
                {
                    try
                    {
                        cells += await RecomputeAsync(directory, KpiRollupRanges.Affected([day.Day], today), null, cancellationToken);
                    }
                    catch (Exception dayFault) when (IsInputFault(dayFault))
                    {
                        await SetAsideAsync(tenantId, DayInput(day), dayFault, cancellationToken);
                        await dirtyDays.ClearAsync(day, cancellationToken);
                        usable.Remove(day);
                    }
                }
            }
        }
        else
        {
            LogRebuild(logger, tenantId, stored?.Version, KpiCatalogue.Version, stored is not null && stored.Settings != current.Settings);
            var latest = usable.Count > 0 ? usable.Max(d => d.Day) : today;
            cells += await RecomputeAllAsync(directory, latest > today ? latest : today, null, cancellationToken);
        }

        // After the computation, whose full rebuild forgets the tenant's earlier failures.
        foreach (var day in tenantDays.Where(d => !SupportedDays.Contains(d.Day)))
        {
            await SetAsideAsync(tenantId, DayInput(day), new ArgumentOutOfRangeException(nameof(tenantDays), $"The day is not {SupportedDays.Described}."), cancellationToken);
            await dirtyDays.ClearAsync(day, cancellationToken);
        }

        var stillDirty = 0;
        foreach (var day in usable)
        {
            if (!await dirtyDays.ClearAsync(day, cancellationToken))
            {
                // Marked again while we computed: the next run picks it up with the newer facts.
                stillDirty++;
            }
        }

        return (cells, stillDirty);
    }

    /// <summary>
    /// Rebuilds every period from the tenant's first stored fact to <paramref name="to"/> and records the catalogue
    /// version and configuration it used; what a new catalogue version, a configuration change and the recompute command do.
    /// </summary>
    public async Task<int> RecomputeAllAsync(TenantDirectory directory, DateOnly to, IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken)
    {
        // Taken before the computation: a configuration change while it runs leaves the older stamp, so the next run rebuilds again.
        var stamp = new CatalogueStamp(KpiCatalogue.Version, settings.Fingerprint(directory.TenantId, crmOptions.CurrentValue), kpis.Layout);
        await status.ClearFailuresAsync(directory.TenantId, cancellationToken);
        var records = await LoadRecordsAsync(directory.TenantId, cancellationToken);
        var first = await activities.FirstDayAsync(directory.TenantId, cancellationToken);
        foreach (var record in records.Deals.Concat(records.Cases))
        {
            foreach (var fact in CrmFact.Of(record))
            {
                var day = directory.LocalDay(fact.At);
                first = first is null || day < first ? day : first;
            }
        }

        var written = first is { } from && from <= to
            ? await RecomputeAsync(directory, [(from < HistoryFloor ? HistoryFloor : from, to)], records, progress, cancellationToken)
            : 0;
        await status.SaveCatalogueStampAsync(directory.TenantId, stamp, cancellationToken);
        return written;
    }

    /// <summary>Recomputes and replaces the cells of every period overlapping the day ranges; returns the cells written.</summary>
    public async Task<int> RecomputeAsync(
        TenantDirectory directory, IReadOnlyList<(DateOnly From, DateOnly To)> ranges, IProgress<RecomputeProgress>? progress, CancellationToken cancellationToken) =>
        await RecomputeAsync(directory, ranges, await LoadRecordsAsync(directory.TenantId, cancellationToken), progress, cancellationToken);

    private async Task<int> RecomputeAsync(
        TenantDirectory directory,
        IReadOnlyList<(DateOnly From, DateOnly To)> ranges,
        (List<CrmRecord> Deals, List<CrmRecord> Cases) records,
        IProgress<RecomputeProgress>? progress,
        CancellationToken cancellationToken)
    {
        var tenantSettings = await TenantSettingsAsync(directory.TenantId, cancellationToken);
        var options = crmOptions.CurrentValue;

        // Calendar quarters bound the cells a long range holds in memory at once (a year of 10,000 accounts is over a
        // million); the activities of the windows they share are read once.
        var chunks = ranges.SelectMany(r => Quarters(r.From, r.To)).Select(c => (c.From, c.To, Periods: KpiRollupRanges.Periods(c.From, c.To))).ToList();
        var inputs = chunks.Select(c => InputDays(c.Periods)).ToList();
        var daysTotal = inputs.Sum(i => i.To.DayNumber - i.From.DayNumber + 1);
        var periodsTotal = chunks.Sum(c => c.Periods.Count);
        var loaded = new SortedDictionary<DateOnly, List<Activity>>();
        int daysRead = 0, periodsDone = 0, written = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var (from, to) = inputs[i];
            foreach (var day in loaded.Keys.Where(d => d < from || d > to).ToList())
            {
                loaded.Remove(day);
            }

            await foreach (var stored in ReadMissingAsync(directory.TenantId, from, to, loaded, cancellationToken))
            {
                (loaded.TryGetValue(stored.Day, out var list) ? list : loaded[stored.Day] = []).Add(stored.Activity);
            }

            for (var day = from; day <= to; day = day.AddDays(1))
            {
                loaded.TryAdd(day, []);
            }

            daysRead += to.DayNumber - from.DayNumber + 1;
            progress?.Report(new RecomputeProgress(daysRead, daysTotal, periodsDone, periodsTotal, written));

            var kpiInputs = new KpiInputs(directory, [.. loaded.Values.SelectMany(a => a)], records.Deals, records.Cases, options, tenantSettings);
            var cells = WithoutEmptyTotals(KpiCatalogue.Compute(kpiInputs, chunks[i].Periods), directory, options, tenantSettings, chunks[i].Periods);
            written += await kpis.ReplaceAsync(directory.TenantId, chunks[i].Periods, cells, cancellationToken);
            periodsDone += chunks[i].Periods.Count;
            progress?.Report(new RecomputeProgress(daysRead, daysTotal, periodsDone, periodsTotal, written));
        }

        return written;
    }

    /// <summary>
    /// The catalogue gives the tenant total a cell for every period, even one in which nothing happened. Those are left
    /// out, so the stored cells depend only on the facts and not on which ranges earlier runs happened to cover (a
    /// reader treats a missing cell as an empty period).
    /// </summary>
    private static List<KpiCell> WithoutEmptyTotals(
        IReadOnlyList<KpiCell> cells, TenantDirectory directory, CrmOptions options, KpiSettings tenantSettings, IReadOnlyList<KpiPeriod> periods)
    {
        var empty = EmptyPeriods.Values(directory, options, tenantSettings, periods);
        return [.. cells.Where(c => c.Dimension != KpiDimension.Tenant || !c.Values.SequenceEqual(empty[c.Period]))];
    }

    /// <summary>Reads the days of [from, to] not loaded yet, as contiguous spans: one range query each.</summary>
    private async IAsyncEnumerable<StoredActivity> ReadMissingAsync(
        string tenantId, DateOnly from, DateOnly to, SortedDictionary<DateOnly, List<Activity>> loaded, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var day = from; day <= to;)
        {
            if (loaded.ContainsKey(day))
            {
                day = day.AddDays(1);
                continue;
            }

            var end = day;
            while (end < to && !loaded.ContainsKey(end.AddDays(1)))
            {
                end = end.AddDays(1);
            }

            await foreach (var stored in activities.ListBetweenAsync(tenantId, day, end, cancellationToken))
            {
                yield return stored;
            }

            day = end.AddDays(1);
        }
    }

    /// <summary>
    /// The tenant's settings; stored targets that cannot be read (written around the upload's checks) are set aside and
    /// the KPIs computed without targets, rather than not at all.
    /// </summary>
    private async Task<KpiSettings> TenantSettingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            return await settings.GetAsync(tenantId, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            await SetAsideAsync(tenantId, "KPI targets", e, cancellationToken);
            return settings.WithoutTargets();
        }
    }

    private async Task SetAsideAsync(string tenantId, string input, Exception cause, CancellationToken cancellationToken)
    {
        LogSetAside(logger, cause, tenantId, input);
        await status.SaveFailureAsync(new RollupFailure(tenantId, input, $"{cause.GetType().Name}: {cause.Message}", time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Faults an input causes every time (a date out of range, an unreadable value), as opposed to storage being unavailable.</summary>
    private static bool IsInputFault(Exception e) => e is ArgumentException or OverflowException or FormatException or InvalidDataException;

    private static string DayInput(DirtyDay day) => $"dirty day {day.Day:yyyy-MM-dd}";

    private async Task<(List<CrmRecord> Deals, List<CrmRecord> Cases)> LoadRecordsAsync(string tenantId, CancellationToken cancellationToken) =>
        (await crm.ListAsync(tenantId, CrmEntityKind.Deal, cancellationToken).ToListAsync(cancellationToken),
            await crm.ListAsync(tenantId, CrmEntityKind.Case, cancellationToken).ToListAsync(cancellationToken));

    /// <summary>The activity days the cells of the periods depend on (docs/kpis.md, windows).</summary>
    private static (DateOnly From, DateOnly To) InputDays(IReadOnlyList<KpiPeriod> periods) =>
        KpiCatalogue.InputDays(periods.Min(p => p.Start), periods.Max(p => p.End));

    private static IEnumerable<(DateOnly From, DateOnly To)> Quarters(DateOnly from, DateOnly to) =>
        KpiPeriod.Between(KpiGrain.Quarter, from, to).Select(q => (q.Start < from ? from : q.Start, q.End < to ? q.End : to));

    [LoggerMessage(Level = LogLevel.Error, Message = "KPI rollup: tenant {TenantId} set aside {Input}; its other KPIs are computed")]
    private static partial void LogSetAside(ILogger logger, Exception exception, string tenantId, string input);

    [LoggerMessage(Level = LogLevel.Information, Message = "KPI rollup: rebuilding the whole history of tenant {TenantId} (stored catalogue version {StoredVersion}, current {Version}, configuration changed: {SettingsChanged})")]
    private static partial void LogRebuild(ILogger logger, string tenantId, int? storedVersion, int version, bool settingsChanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "KPI rollup: {Days} dirty days, {Cells} cells written, {StillDirty} re-marked during the run, {ElapsedMs} ms")]
    private static partial void LogRun(ILogger logger, int days, int cells, int stillDirty, double elapsedMs);
}
