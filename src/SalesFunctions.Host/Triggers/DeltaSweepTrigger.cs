using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class DeltaSweepTrigger(SyncScheduler scheduler) : ITimerTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.DeltaSweep;

    public Task RunAsync(CancellationToken cancellationToken) => scheduler.SweepAsync(cancellationToken);
}
