using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Sync;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Timer on app setting DeltaSweepSchedule (FunctionRegistry.DeltaSweep): the safety net behind notifications.</summary>
public sealed class DeltaSweepFunction(SyncScheduler scheduler)
{
    [Function(nameof(FunctionRegistry.DeltaSweep))]
    public Task Run([TimerTrigger("%" + ScheduleSettings.DeltaSweep + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        scheduler.SweepAsync(cancellationToken);
}
