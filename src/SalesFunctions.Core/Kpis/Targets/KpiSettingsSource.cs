using Microsoft.Extensions.Options;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>The catalogue settings of one tenant: the per-email estimate from options, targets uploaded or configured.</summary>
public sealed class KpiSettingsSource(IOptionsMonitor<KpiOptions> options, IKpiTargetStore store)
{
    public async Task<KpiSettings> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var targets = await GetTargetsAsync(tenantId, cancellationToken) ?? KpiTargets.Empty;
        return new KpiSettings
        {
            MinutesPerEmail = options.CurrentValue.MinutesPerEmail,
            Quotas = targets.Quotas,
            Forecasts = targets.Forecasts,
            Spend = targets.Spend,
        };
    }

    /// <summary>
    /// The targets in force for the tenant, or null when none were uploaded or configured. An upload replaces the
    /// configured set entirely rather than adding to it: entries of one entity and period add up, so a quota present in
    /// both would count twice.
    /// </summary>
    public async Task<KpiTargets?> GetTargetsAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (await store.GetAsync(tenantId, cancellationToken) is { } uploaded)
        {
            return uploaded;
        }

        // Validated at startup (KpiOptionsValidator), so no entry is dropped here.
        return options.CurrentValue.Tenants.TryGetValue(tenantId, out var configured)
            ? configured.ToTargets(tenantId, error => throw new InvalidOperationException(error))
            : null;
    }
}
