using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Security;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Telemetry;

/// <summary>
/// GET /openapi/v1.json of the real Host: it parses as OpenAPI 3.1, lists exactly the registry's HTTP routes with their
/// methods and function names, puts the bearer scheme on every signed-in route, and is the file the Functions app serves
/// (docs/openapi/v1.json; SALESFUNCTIONS_UPDATE_OPENAPI=1 rewrites it from the Host).
/// </summary>
public sealed class OpenApiDocumentTests() : HostTest
{
    private static readonly string CommittedPath = Path.Combine(Fixtures.RepositoryRoot, "docs", "openapi", "v1.json");
    private string _served = null!;

    protected override async Task SeedAsync()
    {
        using var client = Host.AnonymousClient();
        _served = await client.GetStringAsync("/openapi/v1.json");
    }

    [Fact]
    public void Document_WhenServed_ParsesAsOpenApi31AndListsExactlyTheRegistryRoutes()
    {
        var (document, diagnostic) = OpenApiDocument.Parse(_served, "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        var listed = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Method: o.Key.Method.ToUpperInvariant(), Id: o.Value.OperationId)))
            .Order().ToList();
        var registry = FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http)
            .SelectMany(f => f.Methods!.Select(m => (Path: $"/api/{f.Route}", Method: m, Id: (string?)f.Name))).Order().ToList();
        Assert.Equal(registry, listed);
    }

    [Fact]
    public void Document_WhenServed_NamesTheBearerSchemeOnSignedInRoutesAndProblemsOnRefusals()
    {
        var (document, _) = OpenApiDocument.Parse(_served, "json");
        var scheme = Assert.Contains(HostOpenApi.BearerScheme, document!.Components!.SecuritySchemes!);
        Assert.Equal((SecuritySchemeType.Http, "bearer"), (scheme.Type, scheme.Scheme));
        foreach (var function in FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http))
        {
            var operation = document.Paths[$"/api/{function.Route}"].Operations![new HttpMethod(function.Methods![0])];
            var signedIn = function.Access is not (RouteAccess.Ingress or RouteAccess.Probe);
            Assert.Equal(signedIn, operation.Security is { Count: > 0 });
            if (signedIn)
            {
                Assert.Contains("application/problem+json", operation.Responses!["401"].Content!.Keys);
                Assert.Contains("application/problem+json", operation.Responses["403"].Content!.Keys);
            }
        }

        Assert.NotNull(document.Paths["/api/graph/notifications"].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Schema);
        Assert.Contains("503", document.Paths["/api/health/ready"].Operations![HttpMethod.Get].Responses!.Keys);
    }

    [Fact]
    public async Task CommittedDocument_WhenComparedWithTheHosts_IsTheSame()
    {
        var served = JsonNode.Parse(_served)!;
        if (Environment.GetEnvironmentVariable("SALESFUNCTIONS_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            await File.WriteAllTextAsync(CommittedPath, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!;
        Assert.True(JsonNode.DeepEquals(served, committed), "docs/openapi/v1.json differs from the Host's document: run the OpenApiDocumentTests with SALESFUNCTIONS_UPDATE_OPENAPI=1");
    }
}
