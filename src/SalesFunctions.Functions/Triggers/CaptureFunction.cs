using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "capture" (FunctionRegistry.Capture); retries and "capture-poison" follow host.json.</summary>
public sealed class CaptureFunction(CaptureService capture)
{
    [Function(nameof(FunctionRegistry.Capture))]
    public Task Run([QueueTrigger(QueueNames.Capture)] BinaryData message, CancellationToken cancellationToken) =>
        TracedQueueMessage.RunAsync<CaptureRequest>(FunctionRegistry.Capture, message, request => capture.CaptureAsync(request, cancellationToken));
}
