using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ExplainTerritory: every rule's verdict for one account. Admin level.</summary>
public sealed class ExplainTerritoryFunction(TerritoryModels models, ITenantDirectoryStore directories, TimeProvider time)
{
    [Function(nameof(FunctionRegistry.ExplainTerritory))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/tenants/{tenantId}/territories/explain")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        return TerritoryEndpoints.ExplainAsync(tenantId, Query("account"), Query("at"), models, directories, time, cancellationToken);
    }
}
