using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ReplayPoison: moves poison messages back to their queue after a fix. Admin level.</summary>
public sealed class ReplayPoisonFunction(PoisonMonitor monitor)
{
    [Function(nameof(FunctionRegistry.ReplayPoison))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "admin/poison/{queue}/replay")] HttpRequest request,
        string queue,
        CancellationToken cancellationToken) =>
        PoisonEndpoints.ReplayAsync(queue, request, monitor, cancellationToken);
}
