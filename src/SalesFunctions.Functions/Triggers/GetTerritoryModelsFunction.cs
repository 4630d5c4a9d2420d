using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetTerritoryModels: the tenant's model versions. Admin level.</summary>
public sealed class GetTerritoryModelsFunction(TerritoryModels models, ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.GetTerritoryModels))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/tenants/{tenantId}/territories")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        TerritoryEndpoints.ListAsync(tenantId, models, directories, cancellationToken);
}
