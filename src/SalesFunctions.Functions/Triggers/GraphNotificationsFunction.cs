using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Functions;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GraphNotifications. Anonymous: Graph cannot send a function key; clientState authenticates each item.</summary>
public sealed class GraphNotificationsFunction(NotificationIntake intake)
{
    [Function(nameof(FunctionRegistry.GraphNotifications))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "graph/notifications")] HttpRequest request,
        CancellationToken cancellationToken) =>
        GraphEndpoints.NotificationsAsync(request, intake, cancellationToken);
}
