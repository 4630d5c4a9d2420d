using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SalesFunctions.Api.Functions;
using SalesFunctions.Simulator.Crm;

namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>
/// Malformed or hostile requests for one route of <see cref="FunctionRegistry"/>, from its template, methods and body
/// contract. Request <c>i</c> of a route is generated from its own seed (run seed, route name, i), so any one request
/// can be generated again on its own.
/// </summary>
public static partial class FuzzRequestGenerator
{
    private static readonly IReadOnlyList<string> RouteIds = [.. FuzzValues.Ids.Where(v => !v.Contains('\0', StringComparison.Ordinal))];

    public static FuzzRequest Create(FunctionDefinition route, int seed, int index, string bearerToken)
    {
        // Not HashCode.Combine: it is randomised per process, and a failure must reproduce in another run.
        var random = new Random(unchecked((((seed * 1_000_003) ^ StableHash(route.Name)) * 31) + index));
        var strategies = new List<string>();
        var path = RouteParameter().Replace(route.Route!, match => RouteValue(random, match.Groups[1].Value, strategies));
        var method = random.Next(20) == 0 ? FuzzValues.Pick(random, ["GET", "POST", "PUT", "DELETE", "PATCH"]) : route.Methods![0];
        var query = Query(random, route, strategies);
        byte[]? body = null;
        string? contentType = null;
        if (method is "POST" or "PUT" or "PATCH" || random.Next(10) == 0)
        {
            var template = FuzzBodies.Template(route);
            var (broken, strategy) = random.Next(8) == 0 && template is { } valid
                ? (Encoding.UTF8.GetBytes(valid.Text), "valid body")
                : FuzzBodies.Break(random, template);
            body = broken;
            strategies.Add(strategy);
            contentType = random.Next(10) == 0 ? FuzzValues.Pick(random, ["text/plain", "application/xml", "multipart/form-data", "application/json; charset=latin1", "invalid"])
                : template is { Csv: true } ? "text/csv" : "application/json";
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (random.Next(10) != 0)
        {
            headers["Authorization"] = "Bearer " + bearerToken;
        }

        if (route.Name == nameof(FunctionRegistry.CrmWebhook) && body is not null && random.Next(2) == 0)
        {
            // Signed with the generic connector's secret, so that the body reaches the parser.
            headers["X-SalesFunctions-Signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CrmDemoConnectors.GenericSecret), body));
        }

        return new FuzzRequest(route.Name, index, method, "/api/" + path + query, body, contentType, headers, string.Join("; ", strategies));
    }

    /// <summary>The value of one route parameter: one the Host knows (half the time), or a hostile one, percent-encoded or raw.</summary>
    private static string RouteValue(Random random, string name, List<string> strategies)
    {
        if (random.Next(2) == 0)
        {
            return name switch
            {
                "tenantId" => FuzzSetup.Tenant,
                "provider" => "generic",
                "connectorId" => CrmDemoConnectors.Generic,
                "list" => FuzzValues.Pick(random, ["accounts", "contacts"]),
                "mailbox" => "nobody@contoso-sales.example",
                "queue" => FuzzValues.Pick(random, ["capture", "score", "crm"]),
                _ => "x",
            };
        }

        // NUL is left out of paths: Kestrel refuses such a request line before any application code runs (400, no body).
        var value = FuzzValues.Pick(random, RouteIds);
        strategies.Add($"hostile {{{name}}}");
        // Raw, a '/' or '..' changes the route itself, as a path traversal attempt does.
        return random.Next(4) == 0 && !value.Any(char.IsControl) && !value.Contains('%', StringComparison.Ordinal) && !value.Contains('?', StringComparison.Ordinal) && !value.Contains('#', StringComparison.Ordinal)
            ? value
            : Uri.EscapeDataString(value);
    }

    private static string Query(Random random, FunctionDefinition route, List<string> strategies)
    {
        var parts = new List<string>();
        var count = random.Next(route.Methods![0] == "GET" ? 7 : 3);
        foreach (var name in FuzzValues.QueryNames.OrderBy(_ => random.Next()).Take(count))
        {
            var hostile = random.Next(3) == 0;
            var value = hostile ? Hostile(random, name) : Valid(random, name);
            if (hostile)
            {
                strategies.Add($"hostile ?{name}");
            }

            parts.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        }

        if (route.Name is nameof(FunctionRegistry.GraphNotifications) or nameof(FunctionRegistry.GraphLifecycle))
        {
            parts.RemoveAll(p => p.StartsWith("validationToken=", StringComparison.Ordinal) && random.Next(4) != 0);
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static string Hostile(Random random, string name) => name switch
    {
        "from" or "to" or "at" or "asOf" => FuzzValues.Pick(random, FuzzValues.Dates),
        "period" => FuzzValues.Pick(random, FuzzValues.Periods),
        "size" or "limit" or "max" => FuzzValues.Pick(random, FuzzValues.Numbers),
        _ => FuzzValues.Pick(random, FuzzValues.Ids),
    };

    private static string Valid(Random random, string name) => name switch
    {
        "tenant" => FuzzSetup.Tenant,
        "rep" => "rep-01",
        "team" => "team-a",
        "account" => "acc-1",
        "dimension" => FuzzValues.Pick(random, ["rep", "team", "tenant", "account", "territory"]),
        "grain" => FuzzValues.Pick(random, ["day", "week", "month", "quarter"]),
        "from" => "2026-10-01",
        "to" => FuzzValues.Pick(random, ["2026-10-31", "2199-12-31", "1900-01-01"]),
        "period" => FuzzValues.Pick(random, ["2026-10", "2026-Q4", "2026-W41", "2026-10-05", "1900-01-01", "2199-12"]),
        "kpi" => "revenueWon",
        "size" or "limit" or "max" => "5",
        "at" or "asOf" => "2026-10-05T10:00:00Z",
        "meeting" => "true",
        _ => "x",
    };

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex RouteParameter();
}
