using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.SetTerritoryModel: validates, then stores a model version. Admin level.</summary>
public sealed class SetTerritoryModelFunction(TerritoryModels models, ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.SetTerritoryModel))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "admin/tenants/{tenantId}/territories")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        TerritoryEndpoints.SetAsync(tenantId, request, models, directories, cancellationToken);
}
