using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesFunctions.Api.Functions;

namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>
/// A valid body per route contract (docs/contracts.md), and the ways the generator breaks one: a hostile value in a
/// field, a wrong type, null items, unknown properties, truncation, invalid UTF-8, deep nesting, sizes past the
/// limits, and for CSV uploads formula injection, broken quoting and wrong columns.
/// </summary>
public static class FuzzBodies
{
    public static object Directory { get; } = new
    {
        internalDomains = new[] { "contoso-sales.example" },
        timeZone = "UTC",
        teams = new[] { new { id = "team-a", name = "A" } },
        reps = new[] { new { id = "rep-01", email = FuzzSetup.Mailbox, name = "Ava", teamId = "team-a" } },
        accounts = new[] { new { id = "acc-1", name = "Globex", domains = new[] { "globex.example" } } },
        contacts = new[] { new { email = "buyer@globex.example", accountId = "acc-1", title = "VP" } },
    };

    private static readonly string DirectoryJson = JsonSerializer.Serialize(Directory, JsonSerializerOptions.Web);

    private static string Notification(string? lifecycleEvent) => JsonSerializer.Serialize(new
    {
        value = new object[]
        {
            new Dictionary<string, object?>
            {
                ["subscriptionId"] = FuzzSetup.SubscriptionId, ["clientState"] = FuzzSetup.ClientState, ["changeType"] = "created",
                ["resource"] = "Users/ava/Messages/AAMk1", ["tenantId"] = FuzzSetup.GraphTenant, ["lifecycleEvent"] = lifecycleEvent,
                ["resourceData"] = lifecycleEvent is null ? new Dictionary<string, string> { ["id"] = "AAMk1", ["@odata.type"] = "#Microsoft.Graph.Message" } : null,
            },
        },
    });

    /// <summary>The body a route takes when it is valid, and whether it is CSV; null for routes without a body.</summary>
    public static (string Text, bool Csv)? Template(FunctionDefinition route) => route.Name switch
    {
        nameof(FunctionRegistry.GraphNotifications) => (Notification(null), false),
        nameof(FunctionRegistry.GraphLifecycle) => (Notification("missed"), false),
        nameof(FunctionRegistry.CrmWebhook) => ("""{"events":[{"id":"evt-1","entity":"deal","recordId":"deal-1","occurredAt":"2026-10-05T10:00:00Z","fields":{"name":"Harbor","amount":"1200","currency":"USD"}}]}""", false),
        nameof(FunctionRegistry.ImportDirectory) => (DirectoryJson, false),
        nameof(FunctionRegistry.ImportDirectoryCsv) => ("id,name,domains,country,employees\r\nacc-1,Globex,globex.example,DE,1200\r\nacc-2,\"Initech, Inc.\",initech.example;initech.de,US,40\r\n", true),
        nameof(FunctionRegistry.ImportKpiTargets) => ("kind,dimension,key,period,amount\r\nquota,rep,rep-01,2026-Q4,60000\r\nforecast,team,team-a,2026-10,900.5\r\nspend,,,2026-Q4,500\r\n", true),
        nameof(FunctionRegistry.AddMailbox) => ("""{"mailbox":"not-an-address"}""", false),
        nameof(FunctionRegistry.SetPrivacyPolicy) or nameof(FunctionRegistry.DryRunPrivacyPolicy) =>
            ("""{"excludedDomains":["rival.example"],"excludedAddresses":["ceo@globex.example"],"excludePersonalDomains":true,"subject":"Hashed"}""", false),
        nameof(FunctionRegistry.SetQualificationConfig) => ("""{"threshold":0.6,"lookbackDays":90,"frameworks":{"bant":{"criteria":[{"id":"budget","weight":1}]}}}""", false),
        nameof(FunctionRegistry.SetTerritoryModel) =>
            ("""{"effectiveFrom":"2026-01-01T00:00:00Z","territories":[{"id":"emea","name":"EMEA","members":["rep-01"],"rules":[{"priority":10,"countries":["DE"]}]}]}""", false),
        _ => null,
    };

    /// <summary>A broken version of the template (or of nothing, for routes without a body); the strategy names what was done.</summary>
    public static (byte[] Body, string Strategy) Break(Random random, (string Text, bool Csv)? template)
    {
        var text = template?.Text ?? "{}";
        var csv = template?.Csv ?? false;
        switch (random.Next(csv ? 14 : 12))
        {
            case 0: return (Utf8(MutateJson(random, text, () => FuzzValues.Pick(random, random.Next(2) == 0 ? FuzzValues.Ids : FuzzValues.Dates))), "hostile value in a field");
            case 1: return (Utf8(MutateJson(random, text, () => WrongType(random))), "wrong type in a field");
            case 2: return (Utf8(NullItems(random, text)), "null items");
            case 3: return (Utf8(text.TrimEnd().TrimEnd('}') + ",\"unknownProperty\":[1,{\"x\":null}]}"), "unknown property");
            case 4: return (Utf8(text[..random.Next(text.Length)]), "truncated");
            case 5: return (InvalidUtf8(random, text), "invalid UTF-8");
            case 6: return (Utf8(new string('[', 5_000) + new string(']', 5_000)), "deeply nested");
            case 7: return (Utf8(MutateJson(random, text, () => new string('x', 100_000))), "100,000-character value");
            case 8: return (random.Next(4) == 0 ? new byte[9 * 1024 * 1024] : new byte[random.Next(1, 2_000)].Also(random.NextBytes), "random bytes");
            case 9: return ([], "empty");
            case 10: return (Utf8(FuzzValues.Pick(random, ["null", "[]", "1", "\"text\"", "true", "{\"value\":{}}", "{\"value\":\"x\"}", "{\"events\":[null]}", "[null]"])), "wrong top-level type");
            case 11: return (Utf8(MutateJson(random, text, () => FuzzValues.Pick(random, FuzzValues.Periods))), "impossible period");
            case 12: return (Utf8(MutateCsv(random, text)), "hostile CSV field");
            default: return (Utf8(BreakCsv(random, text)), "broken CSV");
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static T Also<T>(this T value, Action<T> act)
    {
        act(value);
        return value;
    }

    private static JsonNode WrongType(Random random) => random.Next(6) switch
    {
        0 => JsonValue.Create(random.Next(2) == 0 ? 1e308 : -4.9e-324),
        1 => new JsonArray(JsonValue.Create("a"), null),
        2 => new JsonObject { ["nested"] = new JsonObject() },
        3 => JsonValue.Create(true),
        4 => JsonValue.Create(-1),
        _ => JsonValue.Create(9_223_372_036_854_775_807),
    };

    /// <summary>Replaces one leaf (a value that is not an object or array) of the JSON with another; the text itself when it is not JSON.</summary>
    private static string MutateJson(Random random, string text, Func<JsonNode?> replacement)
    {
        if (Parse(text) is not { } root)
        {
            return text;
        }

        var leaves = new List<JsonNode>();
        Collect(root, leaves);
        if (leaves.Count == 0)
        {
            return text;
        }

        var leaf = leaves[random.Next(leaves.Count)];
        var value = replacement();
        switch (leaf.Parent)
        {
            case JsonObject parent:
                parent[leaf.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[leaf.GetElementIndex()] = value;
                break;
        }

        return root.ToJsonString();
    }

    private static string NullItems(Random random, string text)
    {
        if (Parse(text) is not { } root)
        {
            return "{\"value\":[null]}";
        }

        var arrays = new List<JsonArray>();
        void Find(JsonNode? node)
        {
            switch (node)
            {
                case JsonArray array:
                    arrays.Add(array);
                    foreach (var item in array)
                    {
                        Find(item);
                    }

                    break;
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        Find(child);
                    }

                    break;
            }
        }

        Find(root);
        if (arrays.Count == 0)
        {
            return "[null]";
        }

        var target = arrays[random.Next(arrays.Count)];
        if (target.Count > 0 && random.Next(2) == 0)
        {
            target[random.Next(target.Count)] = null;
        }
        else
        {
            target.Add(null);
        }

        return root.ToJsonString();
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    Collect(child, leaves);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, leaves);
                }

                break;
            case JsonValue value:
                leaves.Add(value);
                break;
        }
    }

    private static byte[] InvalidUtf8(Random random, string text)
    {
        var bytes = Utf8(text).ToList();
        byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0xBC], [0xC0, 0xAF]];
        // Inside a string value when there is one: lenient readers skip unknown values without decoding them.
        var quote = text.IndexOf(":\"", StringComparison.Ordinal);
        bytes.InsertRange(quote >= 0 ? quote + 2 : random.Next(bytes.Count + 1), invalid[random.Next(invalid.Length)]);
        return [.. bytes];
    }

    /// <summary>One field of one data row replaced: a hostile id, date, period or number, or a spreadsheet formula.</summary>
    private static string MutateCsv(Random random, string text)
    {
        var lines = text.Split("\r\n").ToList();
        var row = 1 + random.Next(Math.Max(1, lines.Count - 2));
        var fields = lines[row].Split(',');
        var value = random.Next(5) switch
        {
            0 => FuzzValues.Pick(random, FuzzValues.Ids),
            1 => FuzzValues.Pick(random, FuzzValues.Dates),
            2 => FuzzValues.Pick(random, FuzzValues.Periods),
            3 => FuzzValues.Pick(random, FuzzValues.Numbers),
            _ => FuzzValues.Pick(random, ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]),
        };
        fields[random.Next(fields.Length)] = value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
        lines[row] = string.Join(',', fields);
        return string.Join("\r\n", lines);
    }

    private static string BreakCsv(Random random, string text) => random.Next(6) switch
    {
        0 => text.Replace("\r\n", "\r\n\"", StringComparison.Ordinal),
        1 => text.Replace(",", ",,", StringComparison.Ordinal),
        2 => "\uFEFF" + text.ToUpperInvariant(),
        3 => text[..text.IndexOf('\n', StringComparison.Ordinal)],
        4 => "x\r\n" + string.Concat(Enumerable.Repeat("1\r\n", 50_000)),
        _ => text.Replace("\r\n", "\n\r", StringComparison.Ordinal) + ",,,\"",
    };
}
