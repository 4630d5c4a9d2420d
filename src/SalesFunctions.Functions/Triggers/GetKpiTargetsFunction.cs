using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetKpiTargets: the targets in force as CSV. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class GetKpiTargetsFunction(ITenantDirectoryStore directories, KpiSettingsSource settings)
{
    [Function(nameof(FunctionRegistry.GetKpiTargets))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetKpiTargets)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        KpiTargetEndpoints.GetAsync(tenantId, directories, settings, cancellationToken);
}
