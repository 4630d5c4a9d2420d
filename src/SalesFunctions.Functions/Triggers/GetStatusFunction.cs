using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetStatus. Admin level: the Functions master key replaces the Host's x-admin-key.</summary>
public sealed class GetStatusFunction(IQueueDepths queues, IDirtyDayStore dirtyDays, IRollupStatusStore rollups, ICrmStore crm)
{
    [Function(nameof(FunctionRegistry.GetStatus))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = Routes.GetStatus)] HttpRequest request,
        CancellationToken cancellationToken) =>
        AdminEndpoints.GetStatusAsync(queues, dirtyDays, rollups, crm, cancellationToken);
}
