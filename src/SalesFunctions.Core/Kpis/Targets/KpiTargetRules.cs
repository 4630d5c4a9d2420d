using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Targets;

/// <summary>
/// What makes one target entry valid, whether it comes from configuration or from a CSV upload: both sources accept
/// and refuse the same entries, in the same words.
/// </summary>
internal static class KpiTargetRules
{
    private const string Dimensions = "rep, team, territory or tenant";

    /// <summary>The entry as a <see cref="Quota"/>, <see cref="Forecast"/> or <see cref="Spend"/>; null after reporting every problem to <paramref name="error"/>.</summary>
    public static object? Create(KpiTargetKind kind, string? dimension, string? key, string? period, decimal amount, Action<string> error)
    {
        var valid = true;
        void Fail(string message)
        {
            valid = false;
            error(message);
        }

        var name = kind.ToString().ToLowerInvariant();
        (dimension, key, period) = (Blank(dimension), Blank(key), period?.Trim());
        if (!KpiPeriod.TryParse(period, out var parsed))
        {
            Fail($"period '{period}' is not a period key: a day (2026-10-05), ISO week (2026-W41), month (2026-10) or quarter (2026-Q4).");
        }

        if (amount < 0)
        {
            Fail($"amount {amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} is negative; a {name} is zero or more.");
        }

        if (kind == KpiTargetKind.Spend)
        {
            // Spend is booked for the whole tenant (Spend): an entry naming an entity would silently count tenant-wide.
            if ((dimension is not null && Dimension(dimension) != KpiDimension.Tenant) || key is not (null or KpiDefinitions.TenantTotalKey))
            {
                Fail("spend is the whole tenant's; leave dimension and key empty.");
            }

            return valid ? new Spend(parsed, amount) : null;
        }

        var dimensionValue = Dimension(dimension);
        if (dimensionValue is null)
        {
            Fail(dimension is null ? $"dimension is required for a {name}: {Dimensions}." : $"unknown dimension '{dimension}'; use {Dimensions}.");
        }
        else if (dimensionValue == KpiDimension.Tenant)
        {
            if (key is not (null or KpiDefinitions.TenantTotalKey))
            {
                Fail($"a tenant {name} is for the tenant total: leave key empty or '{KpiDefinitions.TenantTotalKey}', not '{key}'.");
            }

            key = KpiDefinitions.TenantTotalKey;
        }
        else if (!KeyText.IsSafeId(key))
        {
            Fail(key is null
                ? $"key is required for a {dimension} {name}: the {dimension} id."
                : $"key '{key}' is not an id (1-100 letters, digits, '-', '_' or '.').");
        }

        return !valid ? null
            : kind == KpiTargetKind.Quota ? new Quota(dimensionValue!.Value, key!, parsed, amount)
            : new Forecast(dimensionValue!.Value, key!, parsed, amount);
    }

    /// <summary>The entries <see cref="Create"/> made, by kind, in the order they came.</summary>
    public static KpiTargets Collect(IEnumerable<object?> entries)
    {
        var list = entries.ToList();
        return new KpiTargets([.. list.OfType<Quota>()], [.. list.OfType<Forecast>()], [.. list.OfType<Spend>()]);
    }

    private static KpiDimension? Dimension(string? text) => text?.ToLowerInvariant() switch
    {
        "rep" => KpiDimension.Rep,
        "team" => KpiDimension.Team,
        "territory" => KpiDimension.Territory,
        "tenant" => KpiDimension.Tenant,
        _ => null,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
