using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetPoison: poison queue counts and message ids, never bodies. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class GetPoisonFunction(PoisonMonitor monitor)
{
    [Function(nameof(FunctionRegistry.GetPoison))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetPoison)] HttpRequest request,
        CancellationToken cancellationToken) =>
        PoisonEndpoints.GetAsync(monitor, cancellationToken);
}
