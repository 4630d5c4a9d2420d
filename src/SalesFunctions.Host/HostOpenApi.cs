using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Host;

/// <summary>
/// The OpenAPI 3.1 document of every registry route at /openapi/v1.json (Microsoft.AspNetCore.OpenApi, ADR 0020). The
/// generator sees the handlers' route and query parameters; this adds what their signatures cannot say: the operation
/// id (the function name), the bearer scheme on every signed-in route, the problem-details answers of the route guard
/// and the handlers, and the bodies whose types exist (most answers are shaped in the handler and described in
/// docs/contracts.md). The document has no servers, so it is the same wherever it is generated: docs/openapi/v1.json is
/// this document, which the Functions app serves.
/// </summary>
public static class HostOpenApi
{
    public const string DocumentName = "v1";

    public const string BearerScheme = "bearer";

    private const string ProblemJson = "application/problem+json";

    /// <summary>Request bodies with a type of their own, by function; the others read JSON or CSV by hand.</summary>
    private static readonly Dictionary<string, (Type? Type, string ContentType)> RequestBodies = new(StringComparer.Ordinal)
    {
        [FunctionRegistry.GraphNotifications.Name] = (typeof(ChangeNotificationCollection), "application/json"),
        [FunctionRegistry.GraphLifecycle.Name] = (typeof(ChangeNotificationCollection), "application/json"),
        [FunctionRegistry.CrmWebhook.Name] = (null, "application/json"),
        [FunctionRegistry.ImportDirectory.Name] = (typeof(DirectoryDocument), "application/json"),
        [FunctionRegistry.ImportDirectoryCsv.Name] = (null, "text/csv"),
        [FunctionRegistry.ImportKpiTargets.Name] = (null, "text/csv"),
        [FunctionRegistry.SetPrivacyPolicy.Name] = (typeof(PrivacyPolicy), "application/json"),
        [FunctionRegistry.DryRunPrivacyPolicy.Name] = (typeof(PrivacyPolicy), "application/json"),
        [FunctionRegistry.SetQualificationConfig.Name] = (null, "application/json"),
        [FunctionRegistry.SetTerritoryModel.Name] = (null, "application/json"),
    };

    /// <summary>Success answers with a type of their own or another media type, by function; the others answer JSON shaped in the handler.</summary>
    private static readonly Dictionary<string, (int Status, Type? Type, string ContentType)> Responses = new(StringComparer.Ordinal)
    {
        [FunctionRegistry.GraphNotifications.Name] = (StatusCodes.Status202Accepted, typeof(IntakeResult), "application/json"),
        [FunctionRegistry.GraphLifecycle.Name] = (StatusCodes.Status202Accepted, typeof(IntakeResult), "application/json"),
        [FunctionRegistry.ImportDirectory.Name] = (StatusCodes.Status204NoContent, null, string.Empty),
        [FunctionRegistry.RemoveMailbox.Name] = (StatusCodes.Status204NoContent, null, string.Empty),
        [FunctionRegistry.AddMailbox.Name] = (StatusCodes.Status201Created, null, "application/json"),
        [FunctionRegistry.ExportKpis.Name] = (StatusCodes.Status200OK, null, "text/csv"),
        [FunctionRegistry.GetKpiTargets.Name] = (StatusCodes.Status200OK, null, "text/csv"),
        [FunctionRegistry.GetPrivacyPolicy.Name] = (StatusCodes.Status200OK, typeof(PrivacyPolicy), "application/json"),
        [FunctionRegistry.SetPrivacyPolicy.Name] = (StatusCodes.Status200OK, typeof(PolicyReport), "application/json"),
        [FunctionRegistry.DryRunPrivacyPolicy.Name] = (StatusCodes.Status200OK, typeof(PolicyReport), "application/json"),
        [FunctionRegistry.Health.Name] = (StatusCodes.Status200OK, typeof(HealthAnswer), "application/json"),
        [FunctionRegistry.HealthReady.Name] = (StatusCodes.Status200OK, typeof(HealthAnswer), "application/json"),
    };

    public static IServiceCollection AddSalesFunctionsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;

            // The registry's routes only: the development issuer's endpoints are no part of the API.
            options.ShouldInclude = description => FunctionOf(description.ActionDescriptor.EndpointMetadata) is not null;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SalesFunctions",
                    Version = DocumentName,
                    Description = "Activity and performance KPIs from Microsoft Graph and CRM webhooks. Sign-in and the access rule of each route: docs/security.md; payloads: docs/contracts.md.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An Entra ID access token for the API app registration (audience Auth:Audience) of a mapped tenant, with an app role Admin, Manager or Rep.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeAsync);
        });

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (FunctionOf(context.Description.ActionDescriptor.EndpointMetadata) is not { Access: { } access } function)
        {
            return;
        }

        operation.OperationId = function.Name;
        operation.Tags = new HashSet<OpenApiTagReference> { new(Tag(function), context.Document) };
        operation.Description = $"Access: {access.ToString().ToLowerInvariant()} (docs/security.md).";
        if (access is not (RouteAccess.Ingress or RouteAccess.Probe))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }

        if (RequestBodies.TryGetValue(function.Name, out var request))
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [request.ContentType] = new() { Schema = request.Type is null ? null : await context.GetOrCreateSchemaAsync(request.Type, null, cancellationToken) },
                },
            };
        }

        operation.Responses ??= [];
        var success = Responses.GetValueOrDefault(function.Name, (StatusCodes.Status200OK, null, "application/json"));
        operation.Responses.Remove("200");
        operation.Responses[success.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = await ResponseAsync("Success", success.Type, success.ContentType, context, cancellationToken);
        if (function.Name == FunctionRegistry.HealthReady.Name)
        {
            operation.Responses["503"] = await ResponseAsync("A check is unhealthy; the answer names it", typeof(HealthAnswer), "application/json", context, cancellationToken);
            return;
        }

        if (access == RouteAccess.Probe)
        {
            return;
        }

        var problems = new List<(int Status, string Why)> { (400, "The request is invalid"), (413, "The body is over the route's cap"), (429, "Rate limit; see Retry-After") };
        if (access != RouteAccess.Ingress)
        {
            problems.Add((401, "No valid bearer token"));
            problems.Add((403, "The caller's role or tenant may not use this route or entity"));
        }
        else
        {
            problems.Add((401, "The sender could not be authenticated (CRM webhooks)"));
        }

        var problem = await ProblemSchemaAsync(context, cancellationToken);
        foreach (var (status, why) in problems)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = why,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = problem } },
            };
        }
    }

    /// <summary>Problem details (RFC 9457) once in the components, referenced by every refusal.</summary>
    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(nameof(ProblemDetails)))
        {
            document.Components.Schemas[nameof(ProblemDetails)] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }

        return new OpenApiSchemaReference(nameof(ProblemDetails), document);
    }

    private static async Task<OpenApiResponse> ResponseAsync(string description, Type? type, string contentType, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) => new()
    {
        Description = description,
        Content = contentType.Length == 0 ? null : new Dictionary<string, OpenApiMediaType>
        {
            [contentType] = new() { Schema = type is null ? null : await context.GetOrCreateSchemaAsync(type, null, cancellationToken) },
        },
    };

    private static FunctionDefinition? FunctionOf(IList<object> metadata)
    {
        var name = metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        return FunctionRegistry.All.FirstOrDefault(f => f.Trigger == TriggerKind.Http && f.Name == name);
    }

    private static string Tag(FunctionDefinition function) => function.Route!.Split('/') switch
    {
        ["admin", "poison", ..] => "operator",
        ["admin", ..] => "admin",
        [var first, ..] => first,
        _ => "api",
    };
}
