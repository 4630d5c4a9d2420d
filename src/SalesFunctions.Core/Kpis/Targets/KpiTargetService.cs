using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Csv;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>
/// Uploads a tenant's targets as CSV. The upload replaces whatever was in force (uploaded or configured), and the
/// periods whose summed amounts change are marked dirty, so the rollup recomputes the KPIs that read them.
/// </summary>
public sealed partial class KpiTargetService(IKpiTargetStore store, KpiSettingsSource settings, DirtyDays dirtyDays, ILogger<KpiTargetService> logger)
{
    /// <summary>Throws <see cref="CsvException"/> with every error's line for a bad file; then nothing is stored or marked.</summary>
    public async Task<KpiTargetImport> ImportCsvAsync(string tenantId, string csvText, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var targets = KpiTargetsCsv.Parse(csvText);
        var before = await settings.GetTargetsAsync(tenantId, cancellationToken) ?? KpiTargets.Empty;
        var changed = ChangedPeriods(before, targets);

        // Mark before saving: a crash in between leaves an extra mark (a harmless recompute), while saving first and
        // crashing before marking would leave KPIs computed from the old targets with nothing to correct them. The
        // rollup recomputes every period around a dirty day, so the first day of each changed period is enough.
        if (changed.Count > 0)
        {
            await dirtyDays.MarkAsync(tenantId, [.. changed.Select(p => p.Start).Distinct()], cancellationToken);
        }

        await store.SaveAsync(tenantId, targets, cancellationToken);
        LogImported(logger, targets.Quotas.Count, targets.Forecasts.Count, targets.Spend.Count, changed.Count);
        return new KpiTargetImport(targets.Quotas.Count, targets.Forecasts.Count, targets.Spend.Count, [.. changed.Select(p => p.Key)]);
    }

    /// <summary>Periods where any entity's summed quota, forecast or spend differs, including sums that appear or vanish.</summary>
    private static List<KpiPeriod> ChangedPeriods(KpiTargets before, KpiTargets after)
    {
        var (old, now) = (Sums(before), Sums(after));
        return [.. old.Keys.Union(now.Keys)
            .Where(k => !old.TryGetValue(k, out var a) || !now.TryGetValue(k, out var b) || a != b)
            .Select(k => k.Period)
            .Distinct()
            .OrderBy(p => p.Start)
            .ThenBy(p => p.Grain)];
    }

    private static Dictionary<(KpiTargetKind Kind, KpiDimension Dimension, string Key, KpiPeriod Period), decimal> Sums(KpiTargets targets) =>
        targets.Quotas.Select(q => (Key: (KpiTargetKind.Quota, q.Dimension, q.Key, q.Period), q.Amount))
            .Concat(targets.Forecasts.Select(f => (Key: (KpiTargetKind.Forecast, f.Dimension, f.Key, f.Period), f.Amount)))
            .Concat(targets.Spend.Select(s => (Key: (KpiTargetKind.Spend, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, s.Period), Amount: s.SalesAndMarketing)))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));

    [LoggerMessage(Level = LogLevel.Information, Message = "KPI targets uploaded: {Quotas} quotas, {Forecasts} forecasts, {Spend} spend entries; {Periods} changed periods marked for recomputation")]
    private static partial void LogImported(ILogger logger, int quotas, int forecasts, int spend, int periods);
}
