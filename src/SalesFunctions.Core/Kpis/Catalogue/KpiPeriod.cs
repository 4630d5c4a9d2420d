using System.Globalization;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// A day, ISO week, calendar month or quarter of tenant-local days. <see cref="Start"/> is the period's first day
/// (a Monday for weeks); <see cref="Of"/> gives the period that contains a day.
/// </summary>
public readonly record struct KpiPeriod(KpiGrain Grain, DateOnly Start)
{
    /// <summary>The last day of the period, inclusive.</summary>
    public DateOnly End => Grain switch
    {
        KpiGrain.Day => Start,
        KpiGrain.Week => Start.AddDays(6),
        KpiGrain.Month => Start.AddMonths(1).AddDays(-1),
        KpiGrain.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => throw new InvalidOperationException($"Unknown grain {Grain}."),
    };

    /// <summary>"2026-10-05", "2026-W41" (ISO week-year and week), "2026-10" or "2026-Q4".</summary>
    public string Key => Grain switch
    {
        KpiGrain.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        KpiGrain.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):0000}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        KpiGrain.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        KpiGrain.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:0000}-Q{((Start.Month - 1) / 3) + 1}"),
        _ => throw new InvalidOperationException($"Unknown grain {Grain}."),
    };

    /// <summary>Monday to Friday days in the period; public holidays are not known here, so they count as working days.</summary>
    public int WorkingDays
    {
        get
        {
            var days = End.DayNumber - Start.DayNumber + 1;
            var count = days / 7 * 5;
            for (var day = Start.AddDays(days / 7 * 7); day <= End; day = day.AddDays(1))
            {
                count += day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>True when <see cref="Start"/> is where a period of the grain starts, as <see cref="Of"/> gives it.</summary>
    public bool IsAligned => Of(Grain, Start).Start == Start;

    public static KpiPeriod Of(KpiGrain grain, DateOnly day) => grain switch
    {
        KpiGrain.Day => new(grain, day),
        KpiGrain.Week => new(grain, day.AddDays(-(((int)day.DayOfWeek + 6) % 7))),
        KpiGrain.Month => new(grain, new DateOnly(day.Year, day.Month, 1)),
        KpiGrain.Quarter => new(grain, new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "Unknown grain."),
    };

    /// <summary>The periods of a grain from the one containing <paramref name="from"/> to the one containing <paramref name="to"/>.</summary>
    public static IEnumerable<KpiPeriod> Between(KpiGrain grain, DateOnly from, DateOnly to)
    {
        for (var period = Of(grain, from); period.Start <= to; period = period.Next())
        {
            yield return period;
        }
    }

    /// <summary>Reads a <see cref="Key"/>; the grain follows from its form. Periods outside <see cref="SupportedDays"/> are not read.</summary>
    public static bool TryParse(string? key, out KpiPeriod period)
    {
        if (TryParseKey(key, out period) && SupportedDays.Contains(period.Start) && SupportedDays.Contains(period.End))
        {
            return true;
        }

        period = default;
        return false;
    }

    private static bool TryParseKey(string? key, out KpiPeriod period)
    {
        period = default;
        if (key is null)
        {
            return false;
        }

        var invariant = CultureInfo.InvariantCulture;
        if (key.Length == 10 && DateOnly.TryParseExact(key, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
        {
            period = new(KpiGrain.Day, day);
            return true;
        }

        if (key.Length == 7 && DateOnly.TryParseExact(key, "yyyy-MM", invariant, DateTimeStyles.None, out var month))
        {
            period = new(KpiGrain.Month, month);
            return true;
        }

        if (key.Length == 7 && key[4..6] == "-Q" && int.TryParse(key.AsSpan(0, 4), NumberStyles.None, invariant, out var year)
            && year >= 1 && key[6] is >= '1' and <= '4')
        {
            period = new(KpiGrain.Quarter, new DateOnly(year, ((key[6] - '1') * 3) + 1, 1));
            return true;
        }

        if (key.Length == 8 && key[4..6] == "-W" && int.TryParse(key.AsSpan(0, 4), NumberStyles.None, invariant, out var weekYear)
            && int.TryParse(key.AsSpan(6, 2), NumberStyles.None, invariant, out var week)
            && weekYear is >= 2 and <= 9998 && week >= 1 && week <= ISOWeek.GetWeeksInYear(weekYear))
        {
            // Years 1 and 9999 are left out: their first or last ISO week reaches outside the range DateOnly can hold.
            period = new(KpiGrain.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(weekYear, week, DayOfWeek.Monday)));
            return true;
        }

        return false;
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>The period of the same grain just before this one, for period-over-period comparison.</summary>
    public KpiPeriod Previous() => Of(Grain, Start.AddDays(-1));

    public KpiPeriod Next() => new(Grain, End.AddDays(1));

    public override string ToString() => $"{Grain} {Key}";
}
