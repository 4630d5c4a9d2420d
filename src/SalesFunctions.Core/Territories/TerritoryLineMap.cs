using System.Collections.Frozen;
using System.Text.Json;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// The 1-based source line of every object, array element and property of a territory model file, keyed by a path
/// such as <c>territories[3].rules[0].employees</c>. Utf8JsonReader has no line numbers, so the line is counted
/// from <see cref="Utf8JsonReader.TokenStartIndex"/>. The same pass reports unknown property names, all of them,
/// where the serializer would stop at the first.
/// </summary>
internal sealed class TerritoryLineMap
{
    private static readonly FrozenSet<string> RootProperties = FrozenSet.Create(StringComparer.Ordinal, "$schema", "effectiveFrom", "territories");
    private static readonly FrozenSet<string> TerritoryProperties = FrozenSet.Create(StringComparer.Ordinal, "id", "name", "parentId", "kind", "members", "rules");
    private static readonly FrozenSet<string> RuleProperties = FrozenSet.Create(StringComparer.Ordinal,
        "priority", "countries", "regions", "postalPrefixes", "industries", "employees", "annualRevenue", "accounts");
    private static readonly FrozenSet<string> BandProperties = FrozenSet.Create(StringComparer.Ordinal, "min", "max");

    private readonly Dictionary<string, int> _lines;

    private TerritoryLineMap(Dictionary<string, int> lines) => _lines = lines;

    private enum Context
    {
        Root,
        Territory,
        Rule,
        Band,
        Free,
    }

    /// <summary>For models built in code: every line is 0.</summary>
    public static TerritoryLineMap None { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal));

    public static JsonReaderOptions ReaderOptions { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Throws <see cref="JsonException"/> (with its LineNumber) on a syntax error.</summary>
    public static TerritoryLineMap Read(ReadOnlySpan<byte> utf8, string file, List<TerritoryError> unknownProperties)
    {
        var newlines = new List<int>();
        for (var i = utf8.IndexOf((byte)'\n'); i >= 0; i = NextNewline(utf8, i))
        {
            newlines.Add(i);
        }

        var walker = new Walker(newlines, file, unknownProperties);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        if (reader.Read())
        {
            walker.Value(ref reader, string.Empty, Context.Root);
        }

        // Reads to the end so trailing garbage is a syntax error here too.
        while (reader.Read())
        {
        }

        return new TerritoryLineMap(walker.Lines);
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest enclosing path that has one.</summary>
    public int Of(string path)
    {
        for (var current = path; ; current = Parent(current))
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            if (current.Length == 0)
            {
                return 0;
            }
        }
    }

    private static int NextNewline(ReadOnlySpan<byte> utf8, int previous)
    {
        var next = utf8[(previous + 1)..].IndexOf((byte)'\n');
        return next < 0 ? -1 : previous + 1 + next;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? string.Empty : path[..cut];
    }

    private sealed class Walker(List<int> newlines, string file, List<TerritoryError> errors)
    {
        public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

        public void Value(ref Utf8JsonReader reader, string path, Context context)
        {
            Lines.TryAdd(path, LineOf(reader.TokenStartIndex));
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                Object(ref reader, path, context);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                var elementContext = context is Context.Territory or Context.Rule ? context : Context.Free;
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Value(ref reader, $"{path}[{index++}]", elementContext);
                }
            }
        }

        private void Object(ref Utf8JsonReader reader, string path, Context context)
        {
            var allowed = context switch
            {
                Context.Root => RootProperties,
                Context.Territory => TerritoryProperties,
                Context.Rule => RuleProperties,
                Context.Band => BandProperties,
                _ => null,
            };
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var line = LineOf(reader.TokenStartIndex);
                var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
                if (allowed is not null && !allowed.Contains(name))
                {
                    errors.Add(new TerritoryError(file, line, $"unknown property '{name}' {Where(context)}; expected one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}"));
                }

                var childContext = (context, name) switch
                {
                    (Context.Root, "territories") => Context.Territory,
                    (Context.Territory, "rules") => Context.Rule,
                    (Context.Rule, "employees" or "annualRevenue") => Context.Band,
                    _ => Context.Free,
                };
                reader.Read();
                Value(ref reader, propertyPath, childContext);

                // The property name's line wins over its value's when they differ (a value on the next line).
                Lines[propertyPath] = line;
            }
        }

        private static string Where(Context context) => context switch
        {
            Context.Root => "at the top level",
            Context.Territory => "in a territory",
            Context.Rule => "in a rule",
            _ => "in a band",
        };

        private int LineOf(long byteIndex)
        {
            var found = newlines.BinarySearch((int)byteIndex);
            return (found >= 0 ? found : ~found) + 1;
        }
    }
}
