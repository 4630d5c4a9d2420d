namespace SalesFunctions.Core.Tenants;

/// <summary>
/// The days any date given to us may name: a query's from and to, a target's period, a trace window. DateOnly and
/// DateTimeOffset end at years 1 and 9999, and every computation around a day (the period before, the reply window
/// after, a week that starts in the previous year) reaches past it; a range this wide leaves years of room on both
/// sides and still holds every real sales date.
/// </summary>
public static class SupportedDays
{
    public static readonly DateOnly First = new(1900, 1, 1);

    public static readonly DateOnly Last = new(2199, 12, 31);

    /// <summary>"between 1900-01-01 and 2199-12-31", for error messages.</summary>
    public static string Described { get; } = $"between {First:yyyy-MM-dd} and {Last:yyyy-MM-dd}";

    public static bool Contains(DateOnly day) => day >= First && day <= Last;

    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));
}
