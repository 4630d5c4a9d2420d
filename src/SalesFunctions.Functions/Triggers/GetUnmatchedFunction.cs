using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetUnmatched: external domains no account claims, with counts. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class GetUnmatchedFunction(UnmatchedExternals unmatched)
{
    [Function(nameof(FunctionRegistry.GetUnmatched))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetUnmatched)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
        return MatchingEndpoints.GetUnmatchedAsync(tenantId, Query("from"), Query("to"), unmatched, cancellationToken);
    }
}
