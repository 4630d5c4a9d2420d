using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetCaller. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetCallerFunction(TenantDirectoryCache directories)
{
    [Function(nameof(FunctionRegistry.GetCaller))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetCaller)] HttpRequest request,
        CancellationToken cancellationToken) =>
        CallerEndpoints.GetAsync(request.HttpContext, directories, cancellationToken);
}
