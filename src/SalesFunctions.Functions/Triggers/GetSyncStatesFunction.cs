using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Sync;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetSyncStates. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetSyncStatesFunction(ISyncStateStore states)
{
    [Function(nameof(FunctionRegistry.GetSyncStates))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetSyncStates)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        AdminEndpoints.GetSyncStatesAsync(tenantId, states, cancellationToken);
}
