using System.Text;
using System.Text.Json;

namespace SalesFunctions.Core.Json;

/// <summary>
/// Reads a hand-edited configuration file: JSON syntax (comments and trailing commas allowed), then its published
/// schema, then the serializer. Every schema error is reported with its line, and the document is still deserialized
/// when it can be, so that the loader's checks in code report their errors in the same upload.
/// </summary>
internal static class SchemaCheckedJson
{
    public static CheckedDocument<T> Read<T>(string json, PublishedSchema schema, JsonSerializerOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
        JsonLineMap lines;
        List<(int Line, string Message)> errors;
        try
        {
            lines = JsonLineMap.Read(utf8);
            using var document = JsonDocument.Parse(utf8, JsonLineMap.DocumentOptions);
            errors = [.. schema.Check(document.RootElement).Select(v => (lines.Of(v.Path), v.Message))];
        }
        catch (JsonException exception)
        {
            return new CheckedDocument<T>(null, null, [((int)(exception.LineNumber ?? 0) + 1, Describe(exception))]);
        }

        try
        {
            return new CheckedDocument<T>(JsonSerializer.Deserialize<T>(utf8, options), lines, errors);
        }
        catch (JsonException exception)
        {
            // The schema has said what is wrong where it could; the serializer's complaint is the fallback.
            return new CheckedDocument<T>(null, lines, errors.Count > 0 ? errors : [((int)(exception.LineNumber ?? 0) + 1, Describe(exception))]);
        }
    }

    // The serializer appends "Path: … | LineNumber: … | BytePositionInLine: …"; the line is reported separately.
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        text = cut > 0 ? text[..cut] : text;
        return exception.Path is { Length: > 1 } path ? $"{text} (at {path})" : text;
    }
}
