using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class LifecycleTrigger(LifecycleService lifecycle) : IQueueTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.Lifecycle;

    public Task RunAsync(BinaryData message, CancellationToken cancellationToken) =>
        lifecycle.HandleAsync(QueueMessages.Read<LifecycleNotice>(message), cancellationToken);
}
