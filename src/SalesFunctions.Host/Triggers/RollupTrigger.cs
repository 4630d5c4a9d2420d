using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class RollupTrigger(KpiRollupService rollup) : IQueueTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.Rollup;

    public Task RunAsync(BinaryData message, CancellationToken cancellationToken) =>
        rollup.RunRequestedAsync(QueueMessages.Read<RollupRequest>(message), cancellationToken);
}
