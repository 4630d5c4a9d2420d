using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ExplainActivity: why one activity counts where it counts. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class ExplainActivityFunction(ActivityExplainer explainer)
{
    [Function(nameof(FunctionRegistry.ExplainActivity))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ExplainActivity)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        return MatchingEndpoints.ExplainActivityAsync(tenantId, Query("activityId"), Query("messageId"), Query("iCalUId"), explainer, cancellationToken);
    }
}
