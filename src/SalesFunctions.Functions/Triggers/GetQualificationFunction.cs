using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Qualification;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetQualification; a function key is required, as for the KPI API.</summary>
public sealed class GetQualificationFunction(QualificationService qualification)
{
    [Function(nameof(FunctionRegistry.GetQualification))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.GetQualification)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        return QualificationEndpoints.GetAsync(Query("tenant"), Query("account"), Query("connector"), Query("deal"), Query("pipeline"), Query("asOf"), qualification, cancellationToken);
    }
}
