using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Query;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetActivityVsPerformance (activity next to performance per entity); a function key is required.</summary>
public sealed class GetActivityVsPerformanceFunction(KpiQueryService kpis)
{
    [Function(nameof(FunctionRegistry.GetActivityVsPerformance))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.GetActivityVsPerformance)] HttpRequest request,
        CancellationToken cancellationToken) =>
        KpiEndpoints.GetActivityVsPerformanceAsync(request, kpis, cancellationToken);
}
