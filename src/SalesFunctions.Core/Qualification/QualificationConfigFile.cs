using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SalesFunctions.Core.Json;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// Reads a tenant's qualification configuration (docs/qualification.md, docs/schemas/qualification.schema.json) on top
/// of the built-in frameworks. A caller swaps its configuration only when
/// <see cref="QualificationConfigParseResult.Succeeded"/>, so bad configuration never replaces a good one.
/// </summary>
public static class QualificationConfigFile
{
    public const string BuiltInFileName = "frameworks.json (built-in)";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, Framework>> BuiltInFrameworks = new(LoadBuiltIns);

    /// <summary>BANT, MEDDIC, MEDDPICC, CHAMP, FAINT and SCOTSMAN as shipped in the embedded frameworks.json.</summary>
    public static IReadOnlyDictionary<string, Framework> BuiltIns => BuiltInFrameworks.Value;

    public static QualificationConfigParseResult Parse(string json, string fileName) => Parse(json, fileName, BuiltIns);

    private static QualificationConfigParseResult Parse(string json, string fileName, IReadOnlyDictionary<string, Framework> baseFrameworks)
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
        JsonLineMap lines;
        QualificationDocument? document;
        try
        {
            lines = JsonLineMap.Read(utf8);
            document = JsonSerializer.Deserialize<QualificationDocument>(utf8, Options);
        }
        catch (JsonException exception)
        {
            return Failed(new QualificationError(fileName, (int)(exception.LineNumber ?? 0) + 1, Describe(exception)));
        }

        if (document is null)
        {
            return Failed(new QualificationError(fileName, 1, "the file must contain a JSON object"));
        }

        if (lines.NullItems.Count > 0)
        {
            return new QualificationConfigParseResult(null, [.. lines.NullItems.Select(n => new QualificationError(fileName, n.Line, $"{n.Path} is null; leave it out instead"))]);
        }

        var validator = new QualificationConfigValidator(fileName, lines);
        var config = validator.Validate(document, baseFrameworks);
        return validator.Errors.Count == 0 ? new QualificationConfigParseResult(config, []) : new QualificationConfigParseResult(null, validator.Errors);
    }

    private static QualificationConfigParseResult Failed(QualificationError error) => new(null, [error]);

    private static IReadOnlyDictionary<string, Framework> LoadBuiltIns()
    {
        using var stream = typeof(QualificationConfigFile).Assembly.GetManifestResourceStream("SalesFunctions.Core.Qualification.frameworks.json")
            ?? throw new InvalidOperationException("The embedded frameworks.json is missing from SalesFunctions.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = Parse(reader.ReadToEnd(), BuiltInFileName, new Dictionary<string, Framework>(StringComparer.Ordinal));
        return result.Succeeded
            ? result.Config.Frameworks
            : throw new InvalidOperationException($"The built-in frameworks are invalid: {string.Join("; ", result.Errors)}");
    }

    // The serializer appends "Path: … | LineNumber: … | BytePositionInLine: …" and names .NET types; the line is
    // reported separately and the reader of the message knows the file, not the types.
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal) && exception.Path is { } unmapped)
        {
            return $"unknown property at {unmapped}";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        text = cut > 0 ? text[..cut] : text;
        return exception.Path is { Length: > 1 } path ? $"{text} (at {path})" : text;
    }
}
