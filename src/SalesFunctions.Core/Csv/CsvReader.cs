using System.Text;

namespace SalesFunctions.Core.Csv;

/// <summary>
/// RFC 4180 records: comma-separated, fields optionally in double quotes (a quoted field may hold commas, line breaks
/// and doubled quotes), CRLF or LF line ends, an optional UTF-8 byte order mark. Each record comes with the line it
/// starts on, so that errors can name it. Blank lines are skipped, as spreadsheet exports end with them.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, startLine, i) = (1, 1, text.StartsWith('\uFEFF') ? 1 : 0);
        bool quoted = false, atFieldStart = true, afterQuote = false, hasContent = false;
        while (i < text.Length)
        {
            var c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    (quoted, afterQuote) = (false, true);
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    (quoted, atFieldStart, hasContent) = (true, false, true);
                    break;
                case '"':
                    throw new CsvException(line, "a double quote inside an unquoted field; quote the whole field and double the quote.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    (atFieldStart, afterQuote, hasContent) = (true, false, true);
                    break;
                case '\r' when i < text.Length && text[i] == '\n':
                    break;
                case '\n' or '\r':
                    if (hasContent)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(startLine, [.. fields]);
                    }

                    fields = [];
                    field.Clear();
                    (atFieldStart, afterQuote, hasContent) = (true, false, false);
                    startLine = ++line;
                    break;
                default:
                    if (afterQuote)
                    {
                        throw new CsvException(line, "text after a closing double quote; quote the whole field.");
                    }

                    field.Append(c);
                    (atFieldStart, hasContent) = (false, true);
                    break;
            }
        }

        if (quoted)
        {
            throw new CsvException(startLine, "a quoted field is never closed.");
        }

        if (hasContent)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(startLine, [.. fields]);
        }
    }
}
