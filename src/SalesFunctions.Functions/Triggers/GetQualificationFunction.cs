using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Qualification;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetQualification. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class GetQualificationFunction(QualificationService qualification)
{
    [Function(nameof(FunctionRegistry.GetQualification))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetQualification)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        return QualificationEndpoints.GetAsync(Query("tenant"), Query("account"), Query("connector"), Query("deal"), Query("pipeline"), Query("asOf"), qualification, request.HttpContext, cancellationToken);
    }
}
