using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.SetPrivacyPolicy: saves the policy and purges what it now excludes. Admin level.</summary>
public sealed class SetPrivacyPolicyFunction(PrivacyService privacy)
{
    [Function(nameof(FunctionRegistry.SetPrivacyPolicy))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "admin/tenants/{tenantId}/privacy")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await PrivacyEndpoints.SetAsync(tenantId, request, privacy, cancellationToken);
}
