using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "rollup" (FunctionRegistry.Rollup): a tenant's new facts asked for its rollup ahead of the timer.</summary>
public sealed class RollupFunction(KpiRollupService rollup)
{
    [Function(nameof(FunctionRegistry.Rollup))]
    public Task Run([QueueTrigger(QueueNames.Rollup)] BinaryData message, CancellationToken cancellationToken) =>
        TracedQueueMessage.RunAsync<RollupRequest>(FunctionRegistry.Rollup, message, request => rollup.RunRequestedAsync(request, cancellationToken));
}
