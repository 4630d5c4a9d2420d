using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GraphNotifications. Anonymous: Graph cannot send a function key; clientState authenticates each item.</summary>
public sealed class GraphNotificationsFunction(NotificationIntake intake)
{
    [Function(nameof(FunctionRegistry.GraphNotifications))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.GraphNotifications)] HttpRequest request,
        CancellationToken cancellationToken) =>
        GraphEndpoints.NotificationsAsync(request, intake, cancellationToken);
}
