using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.RematchAccounts: the matching ladder again over stored history. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class RematchAccountsFunction(AccountRematch rematch)
{
    [Function(nameof(FunctionRegistry.RematchAccounts))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RematchAccounts)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        MatchingEndpoints.RematchAsync(tenantId, request.Query.TryGetValue("from", out var from) ? from.ToString() : null, rematch, cancellationToken);
}
