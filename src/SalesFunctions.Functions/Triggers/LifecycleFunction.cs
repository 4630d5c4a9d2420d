using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "lifecycle" (FunctionRegistry.Lifecycle); retries and "lifecycle-poison" follow host.json.</summary>
public sealed class LifecycleFunction(LifecycleService lifecycle)
{
    [Function(nameof(FunctionRegistry.Lifecycle))]
    public Task Run([QueueTrigger(QueueNames.Lifecycle)] BinaryData message, CancellationToken cancellationToken) =>
        TracedQueueMessage.RunAsync<LifecycleNotice>(FunctionRegistry.Lifecycle, message, notice => lifecycle.HandleAsync(notice, cancellationToken));
}
