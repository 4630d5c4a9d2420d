using FsCheck;
using FsCheck.Fluent;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

public sealed class KpiMathTests
{
    [Fact]
    public void Ratio_WhenCountsAreDivided_EqualsDecimalDivisionRoundedHalfAwayFromZero() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Choose(1, 1_000_000).ToArbitrary(), (numerator, denominator) =>
            KpiMath.Ratio((long)numerator, denominator) == Math.Round((decimal)numerator / denominator, 4, MidpointRounding.AwayFromZero))
        .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(1, 8, "0.125")]
    [InlineData(1, 32, "0.0313")]
    [InlineData(2, 3, "0.6667")]
    [InlineData(3, 4, "0.75")]
    [InlineData(5, 5, "1")]
    [InlineData(0, 7, "0")]
    public void Ratio_WhenAtOrNearAMidpoint_RoundsAwayFromZeroAndDropsTrailingZeros(long numerator, long denominator, string expected) =>
        Assert.Equal(expected, KpiMath.Ratio(numerator, denominator)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Ratio_WhenTheDenominatorIsZero_IsUndefined() => Assert.Null(KpiMath.Ratio(3L, 0L));

    [Fact]
    public void Minutes_WhenTicksAreGiven_EqualsDecimalMinutesRoundedToOnePlace() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (ticks, scale) =>
        {
            var value = (long)ticks * scale;
            return KpiMath.Minutes(value) == Math.Round((decimal)value / TimeSpan.TicksPerMinute, 1, MidpointRounding.AwayFromZero);
        })
        .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(new long[] { 7 }, 50, 7)]
    [InlineData(new long[] { 1, 2 }, 50, 1)]
    [InlineData(new long[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new long[] { 1, 2, 3, 4, 5 }, 50, 3)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9)]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 90, 10)]
    [InlineData(new long[] { 1, 2 }, 90, 2)]
    public void Percentile_WhenSamplesAreSorted_TakesTheNearestRank(long[] samples, int percent, long expected) =>
        Assert.Equal(expected, KpiMath.Percentile([.. samples], percent));
}
