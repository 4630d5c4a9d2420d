using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetPrivacyPolicy. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class GetPrivacyPolicyFunction(ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.GetPrivacyPolicy))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetPrivacyPolicy)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        PrivacyEndpoints.GetAsync(tenantId, directories, cancellationToken);
}
