using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Timer on app setting TraceRetentionSchedule (FunctionRegistry.TraceRetention): drops traces past retention.</summary>
public sealed class TraceRetentionFunction(TraceQueryService traces)
{
    [Function(nameof(FunctionRegistry.TraceRetention))]
    public Task Run([TimerTrigger("%" + ScheduleSettings.TraceRetention + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        traces.EnforceRetentionAsync(cancellationToken);
}
