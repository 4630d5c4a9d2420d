using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Privacy;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.DryRunPrivacyPolicy: reports what a policy would exclude; changes nothing. Admin level.</summary>
public sealed class DryRunPrivacyPolicyFunction(PrivacyService privacy)
{
    [Function(nameof(FunctionRegistry.DryRunPrivacyPolicy))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = Routes.DryRunPrivacyPolicy)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await PrivacyEndpoints.DryRunAsync(tenantId, request, privacy, cancellationToken);
}
