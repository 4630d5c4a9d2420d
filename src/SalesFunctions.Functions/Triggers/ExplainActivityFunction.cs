using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ExplainActivity: why one activity counts where it counts. Admin level.</summary>
public sealed class ExplainActivityFunction(ActivityExplainer explainer)
{
    [Function(nameof(FunctionRegistry.ExplainActivity))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/tenants/{tenantId}/activities/explain")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        return MatchingEndpoints.ExplainActivityAsync(tenantId, Query("activityId"), Query("messageId"), Query("iCalUId"), explainer, cancellationToken);
    }
}
