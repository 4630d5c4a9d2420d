using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SalesFunctions.Core.Json;

/// <summary>
/// A schema of docs/schemas/, embedded in this assembly from that folder (so the published file is the one that runs),
/// evaluated by JsonSchema.Net. Its errors are turned into one message per problem, with the path of the value at
/// fault, in the words the loaders used before: unknown property, needs, must be at least.
/// </summary>
internal sealed class PublishedSchema
{
    private readonly JsonSchema _schema;
    private readonly JsonNode _document;

    private PublishedSchema(string text)
    {
        _schema = JsonSchema.FromText(text);
        _document = JsonNode.Parse(text)!;
    }

    /// <summary>Loads docs/schemas/{fileName} from the embedded resources.</summary>
    public static PublishedSchema Load(string fileName)
    {
        using var stream = typeof(PublishedSchema).Assembly.GetManifestResourceStream($"SalesFunctions.Core.Schemas.{fileName}")
            ?? throw new InvalidOperationException($"The embedded schema {fileName} is missing from SalesFunctions.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new PublishedSchema(reader.ReadToEnd());
    }

    public IReadOnlyList<SchemaViolation> Check(JsonElement instance)
    {
        var results = _schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<SchemaViolation>();
        foreach (var detail in results.Details ?? [])
        {
            // A failing "if" only chooses a "then"; it is not an error of the document.
            if (detail.Errors is not { Count: > 0 } errors || Segments(detail.EvaluationPath.ToString()).Contains("if"))
            {
                continue;
            }

            var segments = Segments(detail.InstanceLocation.ToString());
            var value = Navigate(instance, segments);
            var schemaPointer = Uri.UnescapeDataString(detail.SchemaLocation.Fragment.TrimStart('#'));
            foreach (var keyword in errors.Keys)
            {
                if (keyword.Length == 0 && detail.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal))
                {
                    var owner = Resolve(schemaPointer, "additionalProperties");
                    violations.Add(new SchemaViolation(PathOf(segments),
                        $"unknown property '{segments[^1]}' {Where(owner)}; expected one of: {string.Join(", ", Names(owner.Node["properties"]))}"));
                }
                else if (keyword.Length > 0)
                {
                    violations.Add(new SchemaViolation(PathOf(segments), Describe(keyword, Resolve(schemaPointer, keyword), segments, value)));
                }
            }
        }

        return violations;
    }

    private string Describe(string keyword, (string Pointer, JsonObject Node) owner, List<string> segments, JsonElement? value)
    {
        var schema = owner.Node;
        var name = segments.Count == 0 ? "the file" : NameOf(segments);
        var limit = schema[keyword]?.ToJsonString();
        return keyword switch
        {
            "required" => $"{Subject(owner)} needs {string.Join(" and ", Missing(schema, value).Select(p => $"'{p}'"))}",
            "enum" => $"unknown {Noun(owner, segments)} {Show(value)}; expected one of: {string.Join(", ", Names(schema["enum"]))}",
            "const" => $"{name} must be {limit}",
            "type" => $"{name} must be {Article(schema["type"]!.ToString())}, not {Show(value)}",
            "minimum" => $"{name} must be at least {limit}",
            "maximum" => $"{name} must be at most {limit}",
            "exclusiveMinimum" => $"{name} must be greater than {limit}",
            "minItems" or "minLength" => $"'{name}' is empty{(segments.Count > 0 && IsListCondition(owner) ? ", so the rule could never match; leave it out to accept any value" : string.Empty)}",
            "minProperties" => $"'{name}' needs at least one of: {string.Join(", ", Names(schema["properties"]))}",
            "uniqueItems" => $"'{name}' lists a value twice",
            "pattern" => $"{name} {Show(value)} does not match {schema["pattern"]}{(schema["description"] is { } description ? $": {description}" : string.Empty)}",
            _ => $"{name} breaks the schema's '{keyword}'",
        };
    }

    /// <summary>A list condition of a territory rule: empty, it would match no account.</summary>
    private static bool IsListCondition((string Pointer, JsonObject Node) owner) =>
        owner.Pointer.Contains("/$defs/rule/properties/", StringComparison.Ordinal) || owner.Pointer.EndsWith("/$defs/stringList", StringComparison.Ordinal);

    /// <summary>
    /// The schema object that holds <paramref name="keyword"/> at or above <paramref name="pointer"/>: JsonSchema.Net
    /// sometimes names a location one segment below the subschema it evaluated.
    /// </summary>
    private (string Pointer, JsonObject Node) Resolve(string pointer, string keyword)
    {
        for (var current = pointer; ; current = current[..current.LastIndexOf('/')])
        {
            if (At(current) is JsonObject node && node.ContainsKey(keyword))
            {
                return (current, node);
            }

            if (current.Length == 0)
            {
                throw new InvalidOperationException($"No '{keyword}' at or above {pointer} in the schema.");
            }
        }
    }

    private JsonNode? At(string pointer)
    {
        var node = _document;
        foreach (var segment in Segments(pointer))
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>"a territory", "a crmField rule" (the branch of an if/then on a type), "'pipelines'", "the file".</summary>
    private string Subject((string Pointer, JsonObject Node) owner) => Where(owner) switch
    {
        "at the top level" => "the file",
        var where => where[3..],
    };

    private string Where((string Pointer, JsonObject Node) owner)
    {
        var segments = Segments(owner.Pointer);
        if (segments.Count == 0)
        {
            return "at the top level";
        }

        if (segments is [.., "allOf", _, "then"] && At($"{owner.Pointer[..owner.Pointer.LastIndexOf("/then", StringComparison.Ordinal)]}/if/properties") is JsonObject conditions
            && conditions.Select(c => c.Value?["const"]).FirstOrDefault(c => c is not null) is { } type)
        {
            return $"in {Article($"{type.GetValue<string>()} {segments[1]}")}";
        }

        return segments is ["$defs", var definition, ..] ? $"in {Article(Words(definition))}" : $"in '{segments[^1]}'";
    }

    /// <summary>What an enum names: "rule type", "territory kind", "kinds".</summary>
    private static string Noun((string Pointer, JsonObject Node) owner, List<string> segments)
    {
        var property = segments.LastOrDefault(s => !char.IsAsciiDigit(s[0])) ?? "value";
        var parent = Segments(owner.Pointer) is ["$defs", var definition, ..] ? Words(definition) + " " : string.Empty;
        return segments[^1] == property ? parent + property : $"{property} value";
    }

    private static IEnumerable<string> Missing(JsonObject schema, JsonElement? value) =>
        Names(schema["required"]).Where(p => value is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(p, out _));

    private static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Key).Order(StringComparer.Ordinal),
        JsonArray a => a.Select(v => v!.ToString()).Order(StringComparer.Ordinal),
        _ => [],
    };

    private static string Show(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } s => $"'{s.GetString()}'",
        { } other => other.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? $"an {other.ValueKind.ToString().ToLowerInvariant()}" : other.GetRawText(),
        null => "nothing",
    };

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    /// <summary>integerBand → integer band.</summary>
    private static string Words(string camel) =>
        string.Concat(camel.Select(c => char.IsAsciiLetterUpper(c) ? $" {char.ToLowerInvariant(c)}" : c.ToString()));

    /// <summary>The name a message gives a value: its property, with its index for an item (countries[0]).</summary>
    private static string NameOf(List<string> segments)
    {
        var name = new StringBuilder();
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            if (!IsIndex(segments[i]))
            {
                return segments[i] + name;
            }

            name.Insert(0, $"[{segments[i]}]");
        }

        return name.ToString();
    }

    /// <summary>The JsonLineMap path of a JSON pointer's segments: territories[2].rules[0].priority.</summary>
    private static string PathOf(List<string> segments)
    {
        var path = new StringBuilder();
        foreach (var segment in segments)
        {
            path.Append(IsIndex(segment) ? $"[{segment}]" : path.Length == 0 ? segment : $".{segment}");
        }

        return path.ToString();
    }

    private static bool IsIndex(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);

    private static JsonElement? Navigate(JsonElement root, List<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static List<string> Segments(string pointer) =>
        [.. pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
}
