using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Sync;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "sync" (FunctionRegistry.Sync); retries and "sync-poison" follow host.json.</summary>
public sealed class SyncFunction(DeltaSyncService sync)
{
    [Function(nameof(FunctionRegistry.Sync))]
    public Task Run([QueueTrigger(QueueNames.Sync)] BinaryData message, CancellationToken cancellationToken) =>
        TracedQueueMessage.RunAsync<SyncRequest>(FunctionRegistry.Sync, message, request => sync.SyncAsync(request, cancellationToken));
}
