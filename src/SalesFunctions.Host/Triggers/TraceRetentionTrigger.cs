using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Traces;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class TraceRetentionTrigger(TraceQueryService traces) : ITimerTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.TraceRetention;

    public Task RunAsync(CancellationToken cancellationToken) => traces.EnforceRetentionAsync(cancellationToken);
}
