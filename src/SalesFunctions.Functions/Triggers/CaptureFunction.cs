using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "capture" (FunctionRegistry.Capture); retries and "capture-poison" follow host.json.</summary>
public sealed class CaptureFunction(CaptureService capture)
{
    [Function(nameof(FunctionRegistry.Capture))]
    public Task Run([QueueTrigger(QueueNames.Capture)] CaptureRequest request, CancellationToken cancellationToken) =>
        capture.CaptureAsync(request, cancellationToken);
}
