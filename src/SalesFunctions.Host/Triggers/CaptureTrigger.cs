using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class CaptureTrigger(CaptureService capture) : IQueueTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.Capture;

    public Task RunAsync(BinaryData message, CancellationToken cancellationToken) =>
        capture.CaptureAsync(QueueMessages.Read<CaptureRequest>(message), cancellationToken);
}
