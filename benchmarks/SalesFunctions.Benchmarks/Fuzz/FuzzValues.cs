namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>The hostile values the generator draws from, by the kind of field they go into.</summary>
public static class FuzzValues
{
    /// <summary>Ids and route values: Table key characters, control characters, traversal, injection, sizes, encodings.</summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        string.Empty, " ", "a/b", "a\\b", "a#b", "a?b", "a%b", "..", "../..", "..\\..\\windows", "%2e%2e%2f%2e%2e", "/etc/passwd",
        "a\u0000b", "a\nb", "a\rb", "\u001f", "\u007f", "tab\there", "x' or PartitionKey ne '", "' or 1=1 --", "$filter=true",
        "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "null", "undefined", "NaN", "-1", "0", "9999999999999999999999",
        "ünïcödé", "\u202emirror", "\ud800", "😀", "CON", "a b", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3",
        new string('a', 101), new string('a', 1_000), new string('%', 300), new string('/', 200),
    ];

    /// <summary>Dates and instants: the ends of the calendar, impossible days, other formats.</summary>
    public static IReadOnlyList<string> Dates { get; } =
    [
        "0001-01-01", "9999-12-31", "0000-00-00", "2026-02-30", "2026-13-01", "2026-00-10", "1899-12-31", "2200-01-01", "-2026-01-01",
        "2026-1-1", "20261005", "2026-10-05T25:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59+14:00",
        "0001-01-01T00:00:00-14:00", "yesterday", "2026-10-05'", "1e10", string.Empty,
    ];

    /// <summary>KPI period keys: the ends of the calendar and impossible weeks, months and quarters.</summary>
    public static IReadOnlyList<string> Periods { get; } =
    [
        "0001-01-01", "0001-01", "0001-Q1", "0001-W01", "9999-12-31", "9999-12", "9999-Q4", "9999-W52", "2026-W54", "2026-W00", "2026-Q5",
        "2026-Q0", "2026-13", "2026-00", "2026-02-30", "10000-01", "-001-01", "2026-w41", "2026-q4", " 2026-10", "2026-10 ",
    ];

    /// <summary>Numbers as text: signs, overflow, non-numbers.</summary>
    public static IReadOnlyList<string> Numbers { get; } =
    [
        "-1", "0", "2147483648", "-2147483649", "99999999999999999999999999999", "1e309", "NaN", "Infinity", "0x10", "1,5", "1.5", " 7", "", "007",
    ];

    /// <summary>Query parameter names the KPI, admin and Graph routes read, so that hostile values reach their parsers.</summary>
    public static IReadOnlyList<string> QueryNames { get; } =
    [
        "tenant", "rep", "team", "territory", "account", "dimension", "grain", "from", "to", "period", "kpi", "size", "limit", "max",
        "messageId", "itemId", "meeting", "at", "asOf", "connector", "deal", "pipeline", "validationToken", "code", "key",
    ];

    public static string Pick(Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];
}
