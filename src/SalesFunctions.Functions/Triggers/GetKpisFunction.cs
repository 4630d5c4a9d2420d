using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Query;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetKpis (a series of one entity). Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetKpisFunction(KpiQueryService kpis)
{
    [Function(nameof(FunctionRegistry.GetKpis))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetKpis)] HttpRequest request,
        CancellationToken cancellationToken) =>
        KpiEndpoints.GetSeriesAsync(request, kpis, cancellationToken);
}
