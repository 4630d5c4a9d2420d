using System.Globalization;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Csv;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// Accounts, contacts and reps as CSV, the shape CRM, HR and spreadsheet exports have (docs/matching.md): a header row
/// naming the columns in any order and any letter case, then one record per row. Several domains or addresses share one
/// cell, separated by ';' or spaces. Every error names its line; a file with any error imports nothing.
/// </summary>
public static class DirectoryCsv
{
    public static IReadOnlyList<string> AccountColumns { get; } = ["id", "name", "domains", "country", "region", "postalCode", "industry", "employees", "annualRevenue"];

    public static IReadOnlyList<string> ContactColumns { get; } = ["email", "accountId", "name", "title", "role"];

    public static IReadOnlyList<string> RepColumns { get; } = ["id", "email", "name", "teamId", "aliases", "userId"];

    public static CsvResult<Account> ParseAccounts(string text) => CsvTable.Parse(text, AccountColumns, ["id", "name", "domains"], (row, error) =>
    {
        var employees = Number(row("employees"), "employees", error, s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null);
        var revenue = Number(row("annualRevenue"), "annualRevenue", error, s => decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : (decimal?)null);
        var domains = row("domains")!.Split([';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (domains.Length == 0)
        {
            error("an account needs at least one domain.");
        }

        return new Account(row("id")!, row("name")!, domains)
        {
            Country = row("country"),
            Region = row("region"),
            PostalCode = row("postalCode"),
            Industry = row("industry"),
            Employees = employees,
            AnnualRevenue = revenue,
        };
    });

    public static CsvResult<Contact> ParseContacts(string text) => CsvTable.Parse(text, ContactColumns, ["email", "accountId"], (row, error) =>
    {
        PlainAddress(row("email")!, "email", error);
        return new Contact(row("email")!, row("accountId")!) { Name = row("name"), Title = row("title"), Role = row("role") };
    });

    /// <summary>A rep per row; <c>aliases</c> holds the rep's other addresses (proxyAddresses, an old domain), several to a cell.</summary>
    public static CsvResult<Rep> ParseReps(string text) => CsvTable.Parse(text, RepColumns, ["id", "email", "name", "teamId"], (row, error) =>
    {
        PlainAddress(row("email")!, "email", error);
        var aliases = (row("aliases") ?? "").Split([';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var alias in aliases)
        {
            PlainAddress(alias, "aliases", error);
        }

        return new Rep(row("id")!, row("email")!, row("name")!, row("teamId")!) { Aliases = aliases, UserId = row("userId") };
    });

    private static void PlainAddress(string text, string column, Action<string> error)
    {
        if (!EmailAddresses.IsPlain(text))
        {
            error($"{column} is not a plain address (name@domain).");
        }
    }

    private static TValue? Number<TValue>(string? text, string column, Action<string> error, Func<string, TValue?> parse)
        where TValue : struct
    {
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            error($"{column} '{text}' is not a non-negative number (digits, '.' for decimals).");
        }

        return value;
    }
}
