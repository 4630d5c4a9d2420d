using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ImportDirectory. Admin level: the Functions master key replaces the Host's x-admin-key.</summary>
public sealed class ImportDirectoryFunction(TenantDirectoryService directories)
{
    [Function(nameof(FunctionRegistry.ImportDirectory))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "admin/tenants/{tenantId}/directory")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await AdminEndpoints.ImportDirectoryJsonAsync(tenantId, request, directories, cancellationToken);
}
