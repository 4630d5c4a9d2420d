using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetActivityVsPerformance (activity next to performance per entity); a function key is required.</summary>
public sealed class GetActivityVsPerformanceFunction(KpiQueryService kpis)
{
    [Function(nameof(FunctionRegistry.GetActivityVsPerformance))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "kpis/activity-vs-performance")] HttpRequest request,
        CancellationToken cancellationToken) =>
        KpiEndpoints.GetActivityVsPerformanceAsync(request, kpis, cancellationToken);
}
