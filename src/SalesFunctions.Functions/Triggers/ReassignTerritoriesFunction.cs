using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ReassignTerritories: re-stamps stored activities from a day on. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class ReassignTerritoriesFunction(TerritoryReassignment reassignment, ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.ReassignTerritories))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ReassignTerritories)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        TerritoryEndpoints.ReassignAsync(tenantId, request.Query.TryGetValue("from", out var from) ? from.ToString() : null, reassignment, directories, cancellationToken);
}
