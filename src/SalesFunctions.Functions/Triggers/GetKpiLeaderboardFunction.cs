using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Query;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetKpiLeaderboard (top and bottom entities by a KPI). Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetKpiLeaderboardFunction(KpiQueryService kpis)
{
    [Function(nameof(FunctionRegistry.GetKpiLeaderboard))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetKpiLeaderboard)] HttpRequest request,
        CancellationToken cancellationToken) =>
        KpiEndpoints.GetLeaderboardAsync(request, kpis, cancellationToken);
}
