using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.SetQualificationConfig: validates, then stores the frameworks configuration. Admin level.</summary>
public sealed class SetQualificationConfigFunction(QualificationService qualification, ITenantDirectoryStore directories)
{
    [Function(nameof(FunctionRegistry.SetQualificationConfig))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "admin/tenants/{tenantId}/qualification")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        QualificationEndpoints.SetConfigAsync(tenantId, request, qualification, directories, cancellationToken);
}
