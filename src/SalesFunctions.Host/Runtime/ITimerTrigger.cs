using SalesFunctions.Api.Functions;

namespace SalesFunctions.Host.Runtime;

/// <summary>A timer-triggered function: the Host's twin of a [TimerTrigger] method in the Functions app.</summary>
public interface ITimerTrigger
{
    FunctionDefinition Definition { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
