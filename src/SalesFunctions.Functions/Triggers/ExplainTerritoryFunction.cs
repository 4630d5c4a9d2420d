using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ExplainTerritory: every rule's verdict for one account. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class ExplainTerritoryFunction(TerritoryModels models, ITenantDirectoryStore directories, TimeProvider time)
{
    [Function(nameof(FunctionRegistry.ExplainTerritory))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ExplainTerritory)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        return TerritoryEndpoints.ExplainAsync(tenantId, Query("account"), Query("at"), models, directories, time, cancellationToken);
    }
}
