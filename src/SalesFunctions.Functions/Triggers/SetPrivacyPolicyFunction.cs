using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Privacy;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.SetPrivacyPolicy: saves the policy and purges what it now excludes. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class SetPrivacyPolicyFunction(PrivacyService privacy)
{
    [Function(nameof(FunctionRegistry.SetPrivacyPolicy))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.SetPrivacyPolicy)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await PrivacyEndpoints.SetAsync(tenantId, request, privacy, cancellationToken);
}
