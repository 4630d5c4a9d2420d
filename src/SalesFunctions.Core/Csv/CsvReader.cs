using System.Text;
using nietras.SeparatedValues;

namespace SalesFunctions.Core.Csv;

/// <summary>
/// RFC 4180 records: comma-separated, fields optionally in double quotes (a quoted field may hold commas, line breaks
/// and doubled quotes), CRLF or LF line ends, an optional UTF-8 byte order mark. Each record comes with the line it
/// starts on, so that errors can name it. Blank lines are skipped, as spreadsheet exports end with them.
/// </summary>
public static class CsvReader
{
    private static readonly SepReaderOptions Options = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true });

    /// <exception cref="CsvException">The first misused double quote, with its record's line.</exception>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        // Sep splits records and fields, quoted separators and line breaks included, but passes through the quotes that
        // RFC 4180 forbids; so each field is unquoted here from its raw text, which lets a misuse be named.
        var records = new List<CsvRecord>();
        using var reader = Options.FromText(text.StartsWith('\uFEFF') ? text[1..] : text);
        var first = true;
        foreach (var row in reader)
        {
            // Without a header row Sep 0.18 gives the first row's LineNumberFrom as its LineNumberToExcl; it starts on line 1.
            var line = first ? 1 : row.LineNumberFrom;
            first = false;
            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue;
            }

            var fields = new string[row.ColCount];
            for (var c = 0; c < fields.Length; c++)
            {
                fields[c] = Unquote(row[c].Span, line);
            }

            records.Add(new CsvRecord(line, fields));
        }

        return records;
    }

    private static string Unquote(ReadOnlySpan<char> raw, int line)
    {
        if (raw.IsEmpty || raw[0] != '"')
        {
            return raw.Contains('"')
                ? throw new CsvException(line, "a double quote inside an unquoted field; quote the whole field and double the quote.")
                : raw.ToString();
        }

        var value = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] != '"')
            {
                value.Append(raw[i]);
            }
            else if (i + 1 < raw.Length && raw[i + 1] == '"')
            {
                value.Append('"');
                i++;
            }
            else
            {
                return i == raw.Length - 1 ? value.ToString() : throw new CsvException(line, "text after a closing double quote; quote the whole field.");
            }
        }

        throw new CsvException(line, "a quoted field is never closed.");
    }
}
