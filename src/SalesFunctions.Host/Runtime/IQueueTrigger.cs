using SalesFunctions.Api.Functions;

namespace SalesFunctions.Host.Runtime;

/// <summary>A queue-triggered function: the Host's twin of a [QueueTrigger] method in the Functions app.</summary>
public interface IQueueTrigger
{
    FunctionDefinition Definition { get; }

    Task RunAsync(BinaryData message, CancellationToken cancellationToken);
}
