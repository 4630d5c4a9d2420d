using System.Globalization;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Core.Tests.Kpis.Catalogue;

/// <summary>Small explicit inputs for the catalogue tests, and reading one cell's values back.</summary>
internal static class CatalogueData
{
    public const string Connector = "hub";

    /// <summary>Owners u-ava and u-cy map to reps; u-ghost maps to nobody, so its records count for the tenant only.</summary>
    public static CrmOptions Crm() => new()
    {
        ReportingCurrency = "USD",
        ExchangeRates = { ["EUR"] = 1.1m },
        Connectors = { [Connector] = new CrmConnector { TenantId = TestData.Tenant, Owners = { ["u-ava"] = TestData.Ava, ["u-cy"] = TestData.Cy } } },
    };

    public static readonly KpiPeriod October = Month(2026, 10);

    public static KpiPeriod Month(int year, int month) => KpiPeriod.Of(KpiGrain.Month, new DateOnly(year, month, 1));

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    public static Activity Email(string id, string from, string[] to, string at, string? conversation = null, string[]? territories = null) =>
        TestData.Email(id, from, to, at: At(at)) with { ConversationId = conversation ?? "conv-" + id, Territories = territories ?? [] };

    public static Activity Meeting(string id, string organizer, string[] attendees, int minutes, string at, string[]? territories = null) =>
        TestData.Meeting(id, organizer, [.. attendees.Select(a => (a, false))], minutes, At(at)) with { Territories = territories ?? [] };

    public static CrmRecord Deal(string id, (string Field, string? Value)[] fields) => Record(CrmEntityKind.Deal, id, fields);

    public static CrmRecord Case(string id, (string Field, string? Value)[] fields) => Record(CrmEntityKind.Case, id, fields);

    public static (string, string?) Owner(string owner) => (CrmFields.OwnerId, owner);

    public static (string, string?) Created(string day) => (CrmFields.CreatedAt, day + "T09:00:00Z");

    public static (string, string?)[] Won(string day) => [(CrmFields.Status, CrmFields.Won), (CrmFields.ClosedAt, day + "T16:00:00Z")];

    public static (string, string?)[] Lost(string day) => [(CrmFields.Status, CrmFields.Lost), (CrmFields.ClosedAt, day + "T16:00:00Z")];

    public static (string, string?) Open() => (CrmFields.Status, CrmFields.Open);

    public static (string, string?) Amount(string amount) => (CrmFields.Amount, amount);

    public static (string, string?) Account(string account) => (CrmFields.AccountId, account);

    public static IReadOnlyList<KpiCell> Compute(
        IReadOnlyCollection<KpiPeriod> periods,
        IReadOnlyList<Activity>? activities = null,
        IReadOnlyList<CrmRecord>? deals = null,
        IReadOnlyList<CrmRecord>? cases = null,
        KpiSettings? settings = null,
        string timeZone = "UTC") =>
        KpiCatalogue.Compute(new KpiInputs(TestData.Directory(timeZone), activities ?? [], deals ?? [], cases ?? [], Crm(), settings ?? new KpiSettings()), periods);

    public static IReadOnlyDictionary<string, decimal?> Values(IEnumerable<KpiCell> cells, KpiDimension dimension, string key, KpiPeriod period) =>
        cells.Single(c => c.Dimension == dimension && c.Key == key && c.Period == period).Values;

    /// <summary>
    /// Asserts the named values of one cell, given as "name=value" pairs separated by spaces ("-" is null), so a table
    /// row reads like the hand computation it checks.
    /// </summary>
    public static void AssertValues(IReadOnlyDictionary<string, decimal?> actual, string expected, string because)
    {
        foreach (var pair in expected.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, text) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var value = text == "-" ? (decimal?)null : decimal.Parse(text, CultureInfo.InvariantCulture);
            Assert.True(actual.ContainsKey(name), $"{because}: no KPI named {name}");
            Assert.True(value == actual[name], $"{because}: {name} expected {text}, got {actual[name]?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        }
    }

    /// <summary>Every value of the cells as one line each, so two computations compare as lists of lines.</summary>
    public static List<string> Flatten(IEnumerable<KpiCell> cells, Func<KpiCell, string, bool>? except = null) =>
        [.. cells.SelectMany(c => c.Values.Where(v => except?.Invoke(c, v.Key) != true).Select(v => $"{c.Dimension} {c.Key} {c.Period} {v.Key}={v.Value}"))];

    private static CrmRecord Record(CrmEntityKind kind, string id, (string Field, string? Value)[] fields)
    {
        var record = new CrmRecord(TestData.Tenant, Connector, kind, id);
        record.Apply(new CrmChange("e-" + id, kind, id, At("2026-11-30T00:00:00Z"), fields.ToDictionary(f => f.Field, f => f.Value)));
        return record;
    }
}
