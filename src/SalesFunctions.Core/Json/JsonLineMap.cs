using System.Text.Json;

namespace SalesFunctions.Core.Json;

/// <summary>
/// The 1-based source line of every property and array element of a JSON document, keyed by a path such as
/// <c>frameworks[0].criteria[2].weight</c>, so a validator working on the deserialized objects can still say where a
/// problem is. Utf8JsonReader has no line numbers; they are counted from <see cref="Utf8JsonReader.TokenStartIndex"/>.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines;

    private JsonLineMap(Dictionary<string, int> lines, List<(string Path, int Line)> nullItems) =>
        (_lines, NullItems) = (lines, nullItems);

    /// <summary>
    /// Every array element that is null, such as <c>territories[2]</c>: no file of ours has a meaning for one, and the
    /// serializer's nullable checks do not reach collection elements, so readers refuse them with their line.
    /// </summary>
    public IReadOnlyList<(string Path, int Line)> NullItems { get; }

    /// <summary>Comments and trailing commas are accepted: configuration files are edited by hand.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The same leniency for a <see cref="JsonDocument"/> that a schema is run on.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Throws <see cref="JsonException"/> (with its 0-based LineNumber) on a syntax error.</summary>
    public static JsonLineMap Read(ReadOnlySpan<byte> utf8)
    {
        var newlineOffsets = new List<long>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlineOffsets.Add(i);
            }
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var nullItems = new List<(string Path, int Line)>();
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var containers = new Stack<(string Path, int NextIndex, bool IsArray)>();
        var pendingProperty = string.Empty;
        while (reader.Read())
        {
            var line = LineOf(newlineOffsets, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    pendingProperty = Join(containers.Peek().Path, name);
                    lines.TryAdd(pendingProperty, line);
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
            }

            var inArray = containers.Count > 0 && containers.Peek().IsArray;
            var path = ValuePath(containers, pendingProperty);
            lines.TryAdd(path, line);
            if (inArray && reader.TokenType == JsonTokenType.Null)
            {
                nullItems.Add((path, line));
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((path, 0, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return new JsonLineMap(lines, nullItems);
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest enclosing path that has one (1 for the root).</summary>
    public int Of(string path)
    {
        for (var current = path; ; current = current[..Math.Max(0, Math.Max(current.LastIndexOf('.'), current.LastIndexOf('[')))])
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            if (current.Length == 0)
            {
                return 1;
            }
        }
    }

    private static string ValuePath(Stack<(string Path, int NextIndex, bool IsArray)> containers, string pendingProperty)
    {
        if (containers.Count == 0)
        {
            return string.Empty;
        }

        var (path, index, isArray) = containers.Pop();
        containers.Push((path, index + 1, isArray));
        return isArray ? $"{path}[{index}]" : pendingProperty;
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static int LineOf(List<long> newlineOffsets, long byteIndex)
    {
        var found = newlineOffsets.BinarySearch(byteIndex);
        return (found >= 0 ? found : ~found) + 1;
    }
}
