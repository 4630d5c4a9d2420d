using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ReplayPoison: moves poison messages back to their queue after a fix. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class ReplayPoisonFunction(PoisonMonitor monitor)
{
    [Function(nameof(FunctionRegistry.ReplayPoison))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ReplayPoison)] HttpRequest request,
        string queue,
        CancellationToken cancellationToken) =>
        PoisonEndpoints.ReplayAsync(queue, request, monitor, cancellationToken);
}
