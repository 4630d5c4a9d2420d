using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class PstnSweepTrigger(CallCapture calls) : ITimerTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.PstnSweep;

    public Task RunAsync(CancellationToken cancellationToken) => calls.SweepPstnAsync(cancellationToken);
}
