using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.Health: liveness. Probe access: anonymous, rate-limited per sender by SignInMiddleware.</summary>
public sealed class HealthFunction
{
    [Function(nameof(FunctionRegistry.Health))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        HealthEndpoints.Live();
}
