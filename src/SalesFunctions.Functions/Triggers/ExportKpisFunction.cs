using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Query;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ExportKpis (CSV export). Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class ExportKpisFunction(KpiQueryService kpis)
{
    [Function(nameof(FunctionRegistry.ExportKpis))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ExportKpis)] HttpRequest request,
        CancellationToken cancellationToken) =>
        KpiEndpoints.ExportAsync(request, kpis, cancellationToken);
}
