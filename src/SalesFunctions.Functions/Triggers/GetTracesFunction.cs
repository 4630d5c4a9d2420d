using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.GetTraces: "why wasn't this captured?". Operator access: SignInMiddleware enforces the registry's rule.</summary>
public sealed class GetTracesFunction(TraceQueryService traces, TimeProvider time)
{
    [Function(nameof(FunctionRegistry.GetTraces))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.GetTraces)] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken) =>
        TraceEndpoints.GetAsync(tenantId, request, traces, time, cancellationToken);
}
