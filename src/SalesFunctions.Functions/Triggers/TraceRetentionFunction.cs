using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Timer on app setting TraceRetentionSchedule (FunctionRegistry.TraceRetention): drops traces past retention.</summary>
public sealed class TraceRetentionFunction(TraceQueryService traces)
{
    [Function(nameof(FunctionRegistry.TraceRetention))]
    public Task Run([TimerTrigger("%TraceRetentionSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        traces.EnforceRetentionAsync(cancellationToken);
}
