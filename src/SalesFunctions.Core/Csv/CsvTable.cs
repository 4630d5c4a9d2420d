namespace SalesFunctions.Core.Csv;

/// <summary>
/// A CSV file whose first row names its columns, in any order and any letter case, as CRM and spreadsheet exports have
/// them. Every error names its line and all of them are reported, so one upload shows everything to fix.
/// </summary>
public static class CsvTable
{
    /// <param name="known">Every column the file may have.</param>
    /// <param name="required">Columns that must be present and non-empty in every row.</param>
    /// <param name="build">Makes an item from a row: reads cells by column name (null when absent or blank), reports errors.</param>
    public static CsvResult<T> Parse<T>(string text, IReadOnlyList<string> known, IReadOnlyList<string> required, Func<Func<string, string?>, Action<string>, T> build)
    {
        var errors = new List<(int Line, string Message)>();
        List<CsvRecord> records;
        try
        {
            records = [.. CsvReader.Read(text)];
        }
        catch (CsvException e)
        {
            return new CsvResult<T>([], [(e.Line, e.Reason)]);
        }

        if (records.Count == 0)
        {
            return new CsvResult<T>([], [(1, $"the file is empty; the first row names the columns: {string.Join(',', known)}.")]);
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
            return new CsvResult<T>([], errors);
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

        return new CsvResult<T>(items, errors);
    }
}
