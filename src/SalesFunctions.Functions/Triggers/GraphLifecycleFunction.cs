using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GraphLifecycle. Anonymous: Graph cannot send a function key; clientState authenticates each item.</summary>
public sealed class GraphLifecycleFunction(NotificationIntake intake)
{
    [Function(nameof(FunctionRegistry.GraphLifecycle))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.GraphLifecycle)] HttpRequest request,
        CancellationToken cancellationToken) =>
        GraphEndpoints.LifecycleAsync(request, intake, cancellationToken);
}
