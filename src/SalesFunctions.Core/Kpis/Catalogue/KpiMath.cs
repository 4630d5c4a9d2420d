namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// The catalogue's rounding and percentile rules (docs/kpis.md): ratios to 4 decimal places, minutes and days to 1,
/// money to 2, all half away from zero; percentiles by nearest rank, so every one is a value that occurred.
/// </summary>
internal static class KpiMath
{
    /// <summary>
    /// A ratio of counts, rounded half away from zero to 4 places in integer arithmetic: exactly what decimal division
    /// and rounding give, without a decimal division per value of a million cells. Trailing zeros are dropped.
    /// </summary>
    public static decimal? Ratio(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            return null;
        }

        var (magnitude, divisor) = (Math.Abs(numerator), Math.Abs(denominator));
        var units = ((magnitude * 20000) + divisor) / (2 * divisor);
        byte scale = 4;
        while (scale > 0 && units % 10 == 0)
        {
            (units, scale) = (units / 10, (byte)(scale - 1));
        }

        return new decimal((int)(uint)units, (int)(uint)(units >> 32), 0, units != 0 && (numerator < 0) != (denominator < 0), scale);
    }

    public static decimal? Ratio(decimal numerator, decimal denominator) =>
        denominator == 0m ? null : Math.Round(numerator / denominator, 4, MidpointRounding.AwayFromZero);

    public static decimal? Ratio(decimal numerator, decimal? denominator) => denominator is { } value ? Ratio(numerator, value) : null;

    public static decimal? Money(decimal? value) => value is { } money ? Math.Round(money, 2, MidpointRounding.AwayFromZero) : null;

    public static decimal? MoneyPer(decimal numerator, decimal denominator) => denominator == 0m ? null : Money(numerator / denominator);

    public static decimal? Span(decimal? value) => value is { } span ? Math.Round(span, 1, MidpointRounding.AwayFromZero) : null;

    public static decimal? SpanPer(decimal numerator, decimal denominator) => denominator == 0m ? null : Span(numerator / denominator);

    /// <summary>Ticks (never negative) as minutes rounded half away from zero to 1 place, in integer arithmetic.</summary>
    public static decimal? Minutes(long? ticks)
    {
        if (ticks is not { } value)
        {
            return null;
        }

        const long TicksPerTenth = TimeSpan.TicksPerMinute / 10;
        var tenths = (value + (TicksPerTenth / 2)) / TicksPerTenth;
        return tenths % 10 == 0 ? tenths / 10 : new decimal((int)(uint)tenths, (int)(uint)(tenths >> 32), 0, false, 1);
    }

    /// <summary>
    /// The nearest-rank percentile of ascending <paramref name="sorted"/>: the smallest sample with at least
    /// <paramref name="percent"/>% of the samples at or below it, i.e. the ⌈percent/100 × n⌉-th smallest. Null when empty.
    /// </summary>
    public static long? Percentile(List<long> sorted, int percent)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)((((long)percent * sorted.Count) + 99) / 100);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
