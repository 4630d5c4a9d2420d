using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Traces;
using SalesFunctions.Host.Endpoints;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetTraces: "why wasn't this captured?". Admin level.</summary>
public sealed class GetTracesFunction(TraceQueryService traces, TimeProvider time)
{
    [Function(nameof(FunctionRegistry.GetTraces))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/tenants/{tenantId}/traces")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        TraceEndpoints.GetAsync(tenantId, request, traces, time, cancellationToken);
}
