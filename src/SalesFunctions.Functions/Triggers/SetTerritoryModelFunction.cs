using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.SetTerritoryModel: validates, then stores a model version. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class SetTerritoryModelFunction(TerritoryModels models, ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.SetTerritoryModel))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.SetTerritoryModel)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        TerritoryEndpoints.SetAsync(tenantId, request, models, directories, cancellationToken);
}
