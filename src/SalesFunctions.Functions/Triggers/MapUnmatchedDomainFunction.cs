using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.MapUnmatchedDomain. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class MapUnmatchedDomainFunction(TenantDirectoryService directories)
{
    [Function(nameof(FunctionRegistry.MapUnmatchedDomain))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.MapUnmatchedDomain)] HttpRequest request,
        string tenantId,
        string accountId,
        string domain,
        CancellationToken cancellationToken) =>
        MatchingEndpoints.MapDomainAsync(tenantId, accountId, domain, directories, cancellationToken);
}
