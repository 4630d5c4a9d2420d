using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Tests.Runtime;

public sealed class NcrontabScheduleTests
{
    [Theory]
    [InlineData("0 */5 * * * *", "2026-11-22T10:02:13", "2026-11-22T10:05:00")]
    [InlineData("*/3 * * * * *", "2026-11-22T10:02:13", "2026-11-22T10:02:15")]
    [InlineData("0 30 9 * * 1-5", "2026-11-21T12:00:00", "2026-11-23T09:30:00")]
    [InlineData("15 2 * * *", "2026-11-22T10:00:00", "2026-11-23T02:15:00")]
    public void Parse_WhenSixOrFiveFields_GivesTheNextOccurrenceInUtc(string expression, string now, string expected)
    {
        var schedule = NcrontabSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("0 0 0 * * * *")]
    [InlineData("every minute")]
    public void Parse_WhenNotFiveOrSixFields_Throws(string expression) =>
        Assert.Throws<FormatException>(() => NcrontabSchedule.Parse(expression));
}
