using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "crm" (FunctionRegistry.Crm); retries and "crm-poison" follow host.json.</summary>
public sealed class CrmFunction(CrmEventProcessor processor)
{
    [Function(nameof(FunctionRegistry.Crm))]
    public Task Run([QueueTrigger(QueueNames.Crm)] BinaryData message, CancellationToken cancellationToken) =>
        TracedQueueMessage.RunAsync<CrmMessage>(FunctionRegistry.Crm, message, crmMessage => processor.ProcessAsync(crmMessage, cancellationToken));
}
