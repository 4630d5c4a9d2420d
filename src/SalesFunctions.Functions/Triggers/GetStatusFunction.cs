using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Host.Endpoints;
using SalesFunctions.Storage;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetStatus. Admin level: the Functions master key replaces the Host's x-admin-key.</summary>
public sealed class GetStatusFunction(StorageQueues queues, IDirtyDayStore dirtyDays, IRollupStatusStore rollups, ICrmStore crm)
{
    [Function(nameof(FunctionRegistry.GetStatus))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        AdminEndpoints.GetStatusAsync(queues, dirtyDays, rollups, crm, cancellationToken);
}
