using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetKpiCatalogue. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetKpiCatalogueFunction
{
    [Function(nameof(FunctionRegistry.GetKpiCatalogue))]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetKpiCatalogue)] HttpRequest request) =>
        KpiEndpoints.GetCatalogue();
}
