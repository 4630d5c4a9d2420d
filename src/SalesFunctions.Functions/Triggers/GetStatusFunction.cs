using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetStatus. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetStatusFunction(IQueueDepths queues, IDirtyDayStore dirtyDays, IRollupStatusStore rollups, ICrmStore crm)
{
    [Function(nameof(FunctionRegistry.GetStatus))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetStatus)] HttpRequest request,
        CancellationToken cancellationToken) =>
        AdminEndpoints.GetStatusAsync(request.HttpContext, queues, dirtyDays, rollups, crm, cancellationToken);
}
