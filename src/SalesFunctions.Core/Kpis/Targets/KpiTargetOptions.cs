namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>One tenant's configured targets (Kpis:Tenants:{tenantId}); an upload for the tenant replaces them all.</summary>
public sealed class KpiTargetOptions
{
    public List<KpiTargetEntryOptions> Quotas { get; set; } = [];

    public List<KpiTargetEntryOptions> Forecasts { get; set; } = [];

    public List<KpiSpendEntryOptions> Spend { get; set; } = [];

    /// <summary>The valid entries as targets; <paramref name="error"/> hears of each invalid one, by its configuration path.</summary>
    public KpiTargets ToTargets(string tenantId, Action<string> error)
    {
        object? Create(KpiTargetKind kind, string list, int index, string? dimension, string? key, string? period, decimal amount) =>
            KpiTargetRules.Create(kind, dimension, key, period, amount, message => error($"{KpiOptions.Section}:Tenants:{tenantId}:{list}:{index}: {message}"));

        return KpiTargetRules.Collect(
            Quotas.Select((q, i) => Create(KpiTargetKind.Quota, nameof(Quotas), i, q.Dimension, q.Key, q.Period, q.Amount))
                .Concat(Forecasts.Select((f, i) => Create(KpiTargetKind.Forecast, nameof(Forecasts), i, f.Dimension, f.Key, f.Period, f.Amount)))
                .Concat(Spend.Select((s, i) => Create(KpiTargetKind.Spend, nameof(Spend), i, null, null, s.Period, s.Amount))));
    }
}
