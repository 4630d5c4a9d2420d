using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Timer on app setting KpiRollupSchedule (FunctionRegistry.KpiRollup); the host's blob lease keeps one run at a time.</summary>
public sealed partial class KpiRollupFunction(KpiRollupService rollup, ILogger<KpiRollupFunction> logger)
{
    [Function(nameof(FunctionRegistry.KpiRollup))]
    public async Task Run([TimerTrigger("%" + ScheduleSettings.KpiRollup + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            LogPastDue(logger);
        }

        await rollup.RunAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KPI rollup is running late (past due); dirty days are caught up in this run")]
    private static partial void LogPastDue(ILogger logger);
}
