using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Sync;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetSyncStates. Admin level: the Functions master key replaces the Host's x-admin-key.</summary>
public sealed class GetSyncStatesFunction(ISyncStateStore states)
{
    [Function(nameof(FunctionRegistry.GetSyncStates))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = Routes.GetSyncStates)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        AdminEndpoints.GetSyncStatesAsync(tenantId, states, cancellationToken);
}
