using System.Globalization;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

public sealed class KpiPeriodTests
{
    public static TheoryData<KpiGrain, string, string, string, string, int> Periods => new()
    {
        { KpiGrain.Day, "2026-10-05", "2026-10-05", "2026-10-05", "2026-10-05", 1 },
        { KpiGrain.Day, "2026-10-10", "2026-10-10", "2026-10-10", "2026-10-10", 0 },
        { KpiGrain.Week, "2026-10-07", "2026-10-05", "2026-10-11", "2026-W41", 5 },
        { KpiGrain.Week, "2026-12-31", "2026-12-28", "2027-01-03", "2026-W53", 5 },
        { KpiGrain.Week, "2027-01-01", "2026-12-28", "2027-01-03", "2026-W53", 5 },
        { KpiGrain.Week, "2027-01-04", "2027-01-04", "2027-01-10", "2027-W01", 5 },
        { KpiGrain.Week, "2024-12-30", "2024-12-30", "2025-01-05", "2025-W01", 5 },
        { KpiGrain.Month, "2026-10-25", "2026-10-01", "2026-10-31", "2026-10", 22 },
        { KpiGrain.Month, "2028-02-10", "2028-02-01", "2028-02-29", "2028-02", 21 },
        { KpiGrain.Quarter, "2026-11-15", "2026-10-01", "2026-12-31", "2026-Q4", 66 },
        { KpiGrain.Quarter, "2027-01-01", "2027-01-01", "2027-03-31", "2027-Q1", 64 },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Of_WhenADayIsGiven_GivesThePeriodItsBoundsKeyAndWorkingDays(KpiGrain grain, string day, string start, string end, string key, int workingDays)
    {
        var period = KpiPeriod.Of(grain, DateOnly.Parse(day, CultureInfo.InvariantCulture));

        Assert.Equal((start, end, key, workingDays), (Text(period.Start), Text(period.End), period.Key, period.WorkingDays));
        Assert.True(period.IsAligned);
        Assert.True(period.Contains(DateOnly.Parse(day, CultureInfo.InvariantCulture)));
        Assert.True(KpiPeriod.TryParse(key, out var parsed));
        Assert.Equal(period, parsed);
    }

    [Theory]
    [InlineData("2026-12-31")]
    [InlineData("2027-01-01")]
    [InlineData("2027-01-03")]
    [InlineData("2027-01-04")]
    [InlineData("2020-12-31")]
    public void Key_WhenAWeekStraddlesNewYear_AgreesWithIsoWeek(string day)
    {
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);

        var key = KpiPeriod.Of(KpiGrain.Week, DateOnly.FromDateTime(date)).Key;

        Assert.Equal($"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}", key);
    }

    [Theory]
    [InlineData(KpiGrain.Day, "2027-01-01", "2026-12-31")]
    [InlineData(KpiGrain.Week, "2027-01-04", "2026-12-28")]
    [InlineData(KpiGrain.Month, "2027-01-01", "2026-12-01")]
    [InlineData(KpiGrain.Month, "2026-03-31", "2026-02-01")]
    [InlineData(KpiGrain.Quarter, "2027-02-01", "2026-10-01")]
    public void Previous_WhenCalled_GivesThePeriodJustBefore(KpiGrain grain, string day, string previousStart)
    {
        var period = KpiPeriod.Of(grain, DateOnly.Parse(day, CultureInfo.InvariantCulture));

        var previous = period.Previous();

        Assert.Equal((grain, previousStart), (previous.Grain, Text(previous.Start)));
        Assert.Equal(period, previous.Next());
        Assert.Equal(previous.End.AddDays(1), period.Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q0")]
    [InlineData("2026-W54")]
    [InlineData("2027-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-02-30")]
    [InlineData("2026-10-5")]
    [InlineData("26-10-05")]
    [InlineData(null)]
    public void TryParse_WhenTheKeyIsMalformed_ReturnsFalse(string? key) =>
        Assert.False(KpiPeriod.TryParse(key, out _));

    [Fact]
    public void Contains_WhenTheDayIsOutside_ReturnsFalse()
    {
        var week = KpiPeriod.Of(KpiGrain.Week, new DateOnly(2026, 10, 5));

        Assert.False(week.Contains(new DateOnly(2026, 10, 4)));
        Assert.False(week.Contains(new DateOnly(2026, 10, 12)));
        Assert.True(week.Contains(new DateOnly(2026, 10, 11)));
    }

    [Fact]
    public void Between_WhenARangeIsGiven_CoversEveryPeriodTouchingIt()
    {
        var quarters = KpiPeriod.Between(KpiGrain.Quarter, new DateOnly(2026, 2, 15), new DateOnly(2026, 12, 31)).Select(p => p.Key);

        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], quarters);
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
