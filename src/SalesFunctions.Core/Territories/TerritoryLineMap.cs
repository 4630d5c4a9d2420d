using System.Collections.Frozen;
using System.Text;
using SalesFunctions.Core.Json;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// Lines of a territory model file (from <see cref="JsonLineMap"/>, keyed by paths such as
/// <c>territories[3].rules[0].employees</c>) and the unknown property names in it, all of them, where the serializer
/// would stop at the first.
/// </summary>
internal sealed class TerritoryLineMap
{
    private static readonly FrozenSet<string> RootProperties = FrozenSet.Create(StringComparer.Ordinal, "$schema", "effectiveFrom", "territories");
    private static readonly FrozenSet<string> TerritoryProperties = FrozenSet.Create(StringComparer.Ordinal, "id", "name", "parentId", "kind", "members", "rules");
    private static readonly FrozenSet<string> RuleProperties = FrozenSet.Create(StringComparer.Ordinal,
        "priority", "countries", "regions", "postalPrefixes", "industries", "employees", "annualRevenue", "accounts");
    private static readonly FrozenSet<string> BandProperties = FrozenSet.Create(StringComparer.Ordinal, "min", "max");

    private readonly JsonLineMap? _lines;

    private TerritoryLineMap(JsonLineMap? lines) => _lines = lines;

    /// <summary>For models built in code: every line is 0.</summary>
    public static TerritoryLineMap None { get; } = new(null);

    /// <summary>Throws <see cref="System.Text.Json.JsonException"/> (with its LineNumber) on a syntax error.</summary>
    public static TerritoryLineMap Read(ReadOnlySpan<byte> utf8, string file, List<TerritoryError> unknownProperties)
    {
        var lines = JsonLineMap.Read(utf8);
        foreach (var property in lines.Properties)
        {
            // Where a property stands is its parent's path without array indices: territories[3].rules[0] → territories.rules.
            var (allowed, where) = WithoutIndices(property.ParentPath) switch
            {
                "" => (RootProperties, "at the top level"),
                "territories" => (TerritoryProperties, "in a territory"),
                "territories.rules" => (RuleProperties, "in a rule"),
                "territories.rules.employees" or "territories.rules.annualRevenue" => (BandProperties, "in a band"),
                _ => (null, null),
            };
            if (allowed is not null && !allowed.Contains(property.Name))
            {
                unknownProperties.Add(new TerritoryError(file, property.Line,
                    $"unknown property '{property.Name}' {where}; expected one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}"));
            }
        }

        unknownProperties.AddRange(lines.NullItems.Select(n => new TerritoryError(file, n.Line, $"{n.Path} is null; leave it out instead")));
        return new TerritoryLineMap(lines);
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest enclosing path that has one; 0 for models built in code.</summary>
    public int Of(string path) => _lines?.Of(path) ?? 0;

    private static string WithoutIndices(string path)
    {
        var shape = new StringBuilder(path.Length);
        var depth = 0;
        foreach (var c in path)
        {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0 && c != ']')
            {
                shape.Append(c);
            }
        }

        return shape.ToString();
    }
}
