using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.ImportDirectoryCsv: accounts, contacts or reps as CSV. Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class ImportDirectoryCsvFunction(ITenantDirectoryStore store, TenantDirectoryService directories)
{
    [Function(nameof(FunctionRegistry.ImportDirectoryCsv))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.ImportDirectoryCsv)] HttpRequest request,
        string tenantId,
        string list,
        CancellationToken cancellationToken) =>
        AdminEndpoints.ImportDirectoryCsvAsync(tenantId, list, request, store, directories, cancellationToken);
}
