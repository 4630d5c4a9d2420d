using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Privacy;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.DryRunPrivacyPolicy: reports what a policy would exclude; changes nothing. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class DryRunPrivacyPolicyFunction(PrivacyService privacy)
{
    [Function(nameof(FunctionRegistry.DryRunPrivacyPolicy))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.DryRunPrivacyPolicy)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await PrivacyEndpoints.DryRunAsync(tenantId, request, privacy, cancellationToken);
}
