using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class KpiRollupTrigger(KpiRollupService rollup) : ITimerTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.KpiRollup;

    public Task RunAsync(CancellationToken cancellationToken) => rollup.RunAsync(cancellationToken);
}
