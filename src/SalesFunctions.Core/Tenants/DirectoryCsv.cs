using System.Globalization;
using SalesFunctions.Core.Csv;

namespace SalesFunctions.Core.Tenants;

/// <summary>
/// Accounts and contacts as CSV, the shape CRM and spreadsheet exports have (docs/matching.md): a header row naming the
/// columns in any order and any letter case, then one record per row. Several domains share one cell, separated by
/// ';' or spaces. Every error names its line; a file with any error imports nothing.
/// </summary>
public static class DirectoryCsv
{
    public static IReadOnlyList<string> AccountColumns { get; } = ["id", "name", "domains", "country", "region", "postalCode", "industry", "employees", "annualRevenue"];

    public static IReadOnlyList<string> ContactColumns { get; } = ["email", "accountId", "name", "title", "role"];

    public static DirectoryCsvResult<Account> ParseAccounts(string text) => Parse(text, AccountColumns, ["id", "name", "domains"], (row, error) =>
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

    public static DirectoryCsvResult<Contact> ParseContacts(string text) => Parse(text, ContactColumns, ["email", "accountId"], (row, error) =>
    {
        if (!System.Net.Mail.MailAddress.TryCreate(row("email"), out var address) || address.Address != row("email"))
        {
            error("email is not a plain address (name@domain).");
        }

        return new Contact(row("email")!, row("accountId")!) { Name = row("name"), Title = row("title"), Role = row("role") };
    });

    private static DirectoryCsvResult<T> Parse<T>(string text, IReadOnlyList<string> known, IReadOnlyList<string> required, Func<Func<string, string?>, Action<string>, T> build)
    {
        var errors = new List<(int Line, string Message)>();
        List<CsvRecord> records;
        try
        {
            records = [.. CsvReader.Read(text)];
        }
        catch (CsvException e)
        {
            return new DirectoryCsvResult<T>([], [(e.Line, e.Reason)]);
        }

        if (records.Count == 0)
        {
            return new DirectoryCsvResult<T>([], [(1, $"the file is empty; the first row names the columns: {string.Join(',', known)}.")]);
        }

        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Fields.Count; c++)
        {
            var name = header.Fields[c].Trim();
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add((header.Line, $"unknown column '{name}'; the columns are {string.Join(", ", known)}."));
            }
            else if (!columns.TryAdd(name, c))
            {
                errors.Add((header.Line, $"column '{name}' appears more than once."));
            }
        }

        errors.AddRange(required.Where(r => !columns.ContainsKey(r)).Select(r => (header.Line, $"column '{r}' is required.")));
        if (errors.Count > 0)
        {
            return new DirectoryCsvResult<T>([], errors);
        }

        var items = new List<T>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add((record.Line, $"{record.Fields.Count} fields where the header has {header.Fields.Count}."));
                continue;
            }

            string? Cell(string column) => columns.TryGetValue(column, out var c) && record.Fields[c].Trim() is { Length: > 0 } value ? value : null;
            var before = errors.Count;
            foreach (var missing in required.Where(r => Cell(r) is null))
            {
                errors.Add((record.Line, $"{missing} is empty."));
            }

            if (errors.Count > before)
            {
                continue;
            }

            var item = build(Cell, message => errors.Add((record.Line, message)));
            if (errors.Count == before)
            {
                items.Add(item);
            }
        }

        return new DirectoryCsvResult<T>(items, errors);
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
