using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SalesFunctions.Functions.Triggers;

/// <summary>
/// GET api/openapi/v1.json: the OpenAPI document of the registry's routes. The worker cannot generate it (HTTP triggers
/// are not ASP.NET Core endpoints its generator could describe), so this serves docs/openapi/v1.json, embedded at build:
/// the document the Host generates from the same registry and handlers, which a Host test keeps equal to the file.
/// Not a registry entry: like the Host's /openapi/v1.json it describes the API and is no part of it.
/// </summary>
public sealed class OpenApiDocumentFunction
{
    public const string Name = "OpenApiDocument";

    /// <summary>Below host.json's "api" prefix, as every Functions route; the Host serves the same document at /openapi/v1.json.</summary>
    public const string Route = "openapi/v1.json";

    private static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SalesFunctions.Functions.openapi.v1.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded in the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    [Function(Name)]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request) =>
        Results.Bytes(Document.Value, "application/json");
}
