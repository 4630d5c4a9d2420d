using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ImportKpiTargets: quotas, forecasts and spend as CSV. Admin level.</summary>
public sealed class ImportKpiTargetsFunction(ITenantDirectoryStore directories, KpiTargetService targets)
{
    [Function(nameof(FunctionRegistry.ImportKpiTargets))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "admin/tenants/{tenantId}/kpis/targets")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        KpiTargetEndpoints.ImportAsync(tenantId, request, directories, targets, cancellationToken);
}
