using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class SyncTrigger(DeltaSyncService sync) : IQueueTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.Sync;

    public Task RunAsync(BinaryData message, CancellationToken cancellationToken) =>
        sync.SyncAsync(QueueMessages.Read<SyncRequest>(message), cancellationToken);
}
