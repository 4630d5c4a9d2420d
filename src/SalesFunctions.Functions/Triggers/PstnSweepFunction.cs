using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Timer on app setting PstnSweepSchedule (FunctionRegistry.PstnSweep): the Teams PSTN log of every tenant with call capture.</summary>
public sealed class PstnSweepFunction(CallCapture calls)
{
    [Function(nameof(FunctionRegistry.PstnSweep))]
    public Task Run([TimerTrigger("%" + ScheduleSettings.PstnSweep + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        calls.SweepPstnAsync(cancellationToken);
}
