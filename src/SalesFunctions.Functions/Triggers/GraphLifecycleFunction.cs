using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Functions;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GraphLifecycle. Anonymous: Graph cannot send a function key; clientState authenticates each item.</summary>
public sealed class GraphLifecycleFunction(NotificationIntake intake)
{
    [Function(nameof(FunctionRegistry.GraphLifecycle))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/lifecycle")] HttpRequest request,
        CancellationToken cancellationToken) =>
        GraphEndpoints.LifecycleAsync(request, intake, cancellationToken);
}
