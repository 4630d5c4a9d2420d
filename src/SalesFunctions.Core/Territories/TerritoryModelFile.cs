using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// Reads a territory model file (docs/territories.md, docs/schemas/territory-model.schema.json): parse, then
/// validate, then compile. A caller swaps its model only when <see cref="TerritoryModelParseResult.Succeeded"/>, so
/// bad configuration never replaces a good one.
/// </summary>
public static class TerritoryModelFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        PropertyNameCaseInsensitive = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static TerritoryModelParseResult Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed(new TerritoryError(path, 0, $"cannot read the file: {exception.Message}"));
        }

        return Parse(json, path);
    }

    public static TerritoryModelParseResult Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
        var errors = new List<TerritoryError>();
        TerritoryLineMap lines;
        TerritoryModel? model;
        try
        {
            lines = TerritoryLineMap.Read(utf8, fileName, errors);
            if (errors.Count > 0)
            {
                return new TerritoryModelParseResult(null, errors);
            }

            model = JsonSerializer.Deserialize<TerritoryModel>(utf8, Options);
        }
        catch (JsonException exception)
        {
            return Failed(new TerritoryError(fileName, (int)(exception.LineNumber ?? 0) + 1, Describe(exception)));
        }

        if (model is null)
        {
            return Failed(new TerritoryError(fileName, 1, "the file must contain a JSON object with effectiveFrom and territories"));
        }

        errors = TerritoryModelValidator.Validate(model, fileName, lines);
        return errors.Count == 0 ? new TerritoryModelParseResult(CompiledTerritoryModel.CompileValidated(model), []) : new TerritoryModelParseResult(null, errors);
    }

    private static TerritoryModelParseResult Failed(TerritoryError error) => new(null, [error]);

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
