using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>
/// Route as in FunctionRegistry.HealthReady: storage and the Graph token (Program.cs registers the checks). The queue
/// and timer listeners are the Functions host's own, not this worker's: the platform watches them.
/// </summary>
public sealed class HealthReadyFunction(HealthCheckService health)
{
    [Function(nameof(FunctionRegistry.HealthReady))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.HealthReady)] HttpRequest request,
        CancellationToken cancellationToken) =>
        HealthEndpoints.ReadyAsync(health, cancellationToken);
}
