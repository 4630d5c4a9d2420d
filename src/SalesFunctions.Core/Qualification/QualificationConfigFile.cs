using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SalesFunctions.Core.Json;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// Reads a tenant's qualification configuration (docs/qualification.md) on top of the built-in frameworks: validated
/// against the published schema (docs/schemas/qualification.schema.json, embedded), then checked for what the schema
/// cannot say. A caller swaps its configuration only when
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

    private static readonly Lazy<PublishedSchema> Schema = new(() => PublishedSchema.Load("qualification.schema.json"));

    private static readonly Lazy<IReadOnlyDictionary<string, Framework>> BuiltInFrameworks = new(LoadBuiltIns);

    /// <summary>BANT, MEDDIC, MEDDPICC, CHAMP, FAINT and SCOTSMAN as shipped in the embedded frameworks.json.</summary>
    public static IReadOnlyDictionary<string, Framework> BuiltIns => BuiltInFrameworks.Value;

    public static QualificationConfigParseResult Parse(string json, string fileName) => Parse(json, fileName, BuiltIns);

    private static QualificationConfigParseResult Parse(string json, string fileName, IReadOnlyDictionary<string, Framework> baseFrameworks)
    {
        var read = SchemaCheckedJson.Read<QualificationDocument>(json, Schema.Value, Options);
        var errors = read.Errors.Select(e => new QualificationError(fileName, e.Line, e.Message)).ToList();
        QualificationConfig? config = null;
        if (read.Value is { } document)
        {
            var validator = new QualificationConfigValidator(fileName, read.Lines!);
            config = validator.Validate(document, baseFrameworks);
            errors.AddRange(validator.Errors);
        }

        return errors.Count == 0 ? new QualificationConfigParseResult(config, []) : new QualificationConfigParseResult(null, errors);
    }

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
}
