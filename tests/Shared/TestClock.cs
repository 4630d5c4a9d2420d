using System.Globalization;

namespace SalesFunctions.Tests.Shared;

/// <summary>
/// The calendar the tests run on. By default the real clock. SALESFUNCTIONS_TEST_TODAY=yyyy-MM-dd moves "now" to that
/// day at the real time of day, still ticking, for the Host under test, the simulator and the tests' own dates alike, so
/// that one machine can prove the suites hold on any weekday and across month, year and daylight-saving changes
/// (scripts/date-sweep.sh). Timers and timeouts keep real time.
/// </summary>
public static class TestClock
{
    public const string Variable = "SALESFUNCTIONS_TEST_TODAY";

    public static TimeProvider Provider { get; } = Create(Environment.GetEnvironmentVariable(Variable));

    public static DateTimeOffset Now => Provider.GetUtcNow();

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    private static TimeProvider Create(string? today)
    {
        if (string.IsNullOrEmpty(today))
        {
            return TimeProvider.System;
        }

        if (!DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new InvalidOperationException($"{Variable} must be a date in the form yyyy-MM-dd, not '{today}'.");
        }

        var real = TimeProvider.System.GetUtcNow();
        return new ShiftedTimeProvider(day.ToDateTime(TimeOnly.FromTimeSpan(real.TimeOfDay)) - real.UtcDateTime);
    }

    /// <summary>The system clock moved by a fixed offset; timers are the system's.</summary>
    private sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
