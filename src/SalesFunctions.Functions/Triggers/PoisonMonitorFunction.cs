using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Timer on app setting PoisonMonitorSchedule (FunctionRegistry.PoisonMonitor): warns about and gauges poison queues.</summary>
public sealed class PoisonMonitorFunction(PoisonMonitor monitor)
{
    [Function(nameof(FunctionRegistry.PoisonMonitor))]
    public Task Run([TimerTrigger("%" + ScheduleSettings.PoisonMonitor + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        monitor.CheckAsync(cancellationToken);
}
