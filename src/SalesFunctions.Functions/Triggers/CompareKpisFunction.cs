using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Query;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.CompareKpis (period over period). Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class CompareKpisFunction(KpiQueryService kpis)
{
    [Function(nameof(FunctionRegistry.CompareKpis))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CompareKpis)] HttpRequest request,
        CancellationToken cancellationToken) =>
        KpiEndpoints.ComparePreviousAsync(request, kpis, cancellationToken);
}
