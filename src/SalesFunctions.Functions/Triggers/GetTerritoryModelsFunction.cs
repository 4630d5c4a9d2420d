using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetTerritoryModels: the tenant's model versions. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class GetTerritoryModelsFunction(TerritoryModels models, ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.GetTerritoryModels))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetTerritoryModels)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        TerritoryEndpoints.ListAsync(tenantId, models, directories, cancellationToken);
}
