using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Query;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetActivityVsPerformance (activity next to performance per entity). Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetActivityVsPerformanceFunction(KpiQueryService kpis)
{
    [Function(nameof(FunctionRegistry.GetActivityVsPerformance))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetActivityVsPerformance)] HttpRequest request,
        CancellationToken cancellationToken) =>
        KpiEndpoints.GetActivityVsPerformanceAsync(request, kpis, cancellationToken);
}
