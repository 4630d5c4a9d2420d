using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ImportDirectory. Anonymous to the Functions host: SignInMiddleware enforces the registry's access rule, as the Host's RouteGuard does.</summary>
public sealed class ImportDirectoryFunction(TenantDirectoryService directories)
{
    [Function(nameof(FunctionRegistry.ImportDirectory))]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.ImportDirectory)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        await AdminEndpoints.ImportDirectoryJsonAsync(tenantId, request, directories, cancellationToken);
}
