using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class CrmTrigger(CrmEventProcessor processor) : IQueueTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.Crm;

    public Task RunAsync(BinaryData message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueMessages.Read<CrmMessage>(message), cancellationToken);
}
