using SalesFunctions.Simulator;

namespace SalesFunctions.Host.Tests.Demo;

public sealed class SimulatorOptionsTests
{
    [Theory]
    [InlineData("2026-10-29", 30, "2026-11")] // the demo's default shape: 3 days in the first month, 27 in the next
    [InlineData("2026-10-01", 30, "2026-10")]
    [InlineData("2026-10-17", 30, "2026-11")] // 15 and 15: the later month
    [InlineData("2026-12-30", 2, "2026-12")]
    public void DataMonth_WhenTheDaysSpanTwoMonths_IsTheMonthHoldingMostOfThem(string firstDay, int days, string expected) =>
        Assert.Equal(expected, new SimulatorOptions { FirstDay = DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture), Days = days }.DataMonth);
}
