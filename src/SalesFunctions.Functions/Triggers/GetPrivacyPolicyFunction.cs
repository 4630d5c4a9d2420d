using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetPrivacyPolicy. Admin level.</summary>
public sealed class GetPrivacyPolicyFunction(ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.GetPrivacyPolicy))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/tenants/{tenantId}/privacy")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        PrivacyEndpoints.GetAsync(tenantId, directories, cancellationToken);
}
