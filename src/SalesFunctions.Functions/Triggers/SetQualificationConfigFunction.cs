using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.SetQualificationConfig: validates, then stores the frameworks configuration. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class SetQualificationConfigFunction(QualificationService qualification, ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.SetQualificationConfig))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.SetQualificationConfig)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        QualificationEndpoints.SetConfigAsync(tenantId, request, qualification, directories, cancellationToken);
}
