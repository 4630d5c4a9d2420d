using System.Text.Json;
using System.Text.Json.Serialization;
using SalesFunctions.Core.Json;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// Reads a territory model file (docs/territories.md): parse, validate against the published schema
/// (docs/schemas/territory-model.schema.json, embedded), check what the schema cannot say, then compile. A caller swaps
/// its model only when <see cref="TerritoryModelParseResult.Succeeded"/>, so bad configuration never replaces a good one.
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

    private static readonly Lazy<PublishedSchema> Schema = new(() => PublishedSchema.Load("territory-model.schema.json"));

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
        var read = SchemaCheckedJson.Read<TerritoryModel>(json, Schema.Value, Options);
        var errors = read.Errors.Select(e => new TerritoryError(fileName, e.Line, e.Message)).ToList();
        if (read.Value is { } model)
        {
            errors.AddRange(TerritoryModelValidator.Validate(model, fileName, read.Lines!.Of));
        }

        return errors.Count == 0 ? new TerritoryModelParseResult(CompiledTerritoryModel.CompileValidated(read.Value!), []) : new TerritoryModelParseResult(null, errors);
    }

    private static TerritoryModelParseResult Failed(TerritoryError error) => new(null, [error]);
}
