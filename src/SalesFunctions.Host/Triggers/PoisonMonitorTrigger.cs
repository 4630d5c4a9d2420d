using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class PoisonMonitorTrigger(PoisonMonitor monitor) : ITimerTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.PoisonMonitor;

    public Task RunAsync(CancellationToken cancellationToken) => monitor.CheckAsync(cancellationToken);
}
