using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ImportKpiTargets: quotas, forecasts and spend as CSV. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class ImportKpiTargetsFunction(ITenantDirectoryStore directories, KpiTargetService targets)
{
    [Function(nameof(FunctionRegistry.ImportKpiTargets))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.ImportKpiTargets)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        KpiTargetEndpoints.ImportAsync(tenantId, request, directories, targets, cancellationToken);
}
