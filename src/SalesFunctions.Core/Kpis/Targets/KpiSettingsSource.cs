using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Crm;
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

    /// <summary>The settings without any targets: what the rollup computes with when a tenant's stored targets cannot be read.</summary>
    public KpiSettings WithoutTargets() => new() { MinutesPerEmail = options.CurrentValue.MinutesPerEmail };

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

    /// <summary>
    /// A fingerprint of what the catalogue reads from configuration for the tenant: the per-email estimate, the
    /// configured targets, the reporting currency and the exchange rates. None of them marks a day dirty when it
    /// changes, and each can change any period, so the rollup rebuilds a tenant whose fingerprint moved. Uploaded
    /// targets are not in it: an upload marks the periods it changes (<see cref="KpiTargetService"/>).
    /// </summary>
    public string Fingerprint(string tenantId, CrmOptions crm)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(crm);
        var configured = options.CurrentValue.Tenants.TryGetValue(tenantId, out var targets)
            ? targets.ToTargets(tenantId, _ => { })
            : KpiTargets.Empty;
        var lines = new List<string>
        {
            Line($"minutesPerEmail {options.CurrentValue.MinutesPerEmail:G29}"),
            $"reportingCurrency {crm.ReportingCurrency.ToUpperInvariant()}",
        };
        lines.AddRange(crm.ExchangeRates.Select(r => Line($"rate {r.Key.ToUpperInvariant()} {r.Value:G29}")).Order(StringComparer.Ordinal));
        // G29 drops trailing zeros (5.0 is 5); sorted, since entries add up and their order changes no KPI.
        lines.AddRange(configured.Quotas.Select(q => Line($"quota {q.Dimension} {q.Key} {q.Period.Key} {q.Amount:G29}"))
            .Concat(configured.Forecasts.Select(f => Line($"forecast {f.Dimension} {f.Key} {f.Period.Key} {f.Amount:G29}")))
            .Concat(configured.Spend.Select(p => Line($"spend {p.Period.Key} {p.SalesAndMarketing:G29}")))
            .Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..32];
    }

    private static string Line(FormattableString line) => line.ToString(CultureInfo.InvariantCulture);
}
