using NCrontab;

namespace SalesFunctions.Host.Runtime;

/// <summary>NCRONTAB as the Functions timer trigger reads it: six fields with seconds first, five also accepted. UTC.</summary>
public static class NcrontabSchedule
{
    public static CrontabSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return fields is 5 or 6
            ? CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            : throw new FormatException($"'{expression}' is not an NCRONTAB expression of 5 or 6 fields.");
    }
}
