using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.RematchAccounts: the matching ladder again over stored history. Admin level.</summary>
public sealed class RematchAccountsFunction(AccountRematch rematch)
{
    [Function(nameof(FunctionRegistry.RematchAccounts))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = Routes.RematchAccounts)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        MatchingEndpoints.RematchAsync(tenantId, request.Query.TryGetValue("from", out var from) ? from.ToString() : null, rematch, cancellationToken);
}
