using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.StartCallCapture. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class StartCallCaptureFunction(CallCapture calls)
{
    [Function(nameof(FunctionRegistry.StartCallCapture))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.StartCallCapture)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        AdminEndpoints.StartCallCaptureAsync(tenantId, calls, cancellationToken);
}
