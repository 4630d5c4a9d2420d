using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "rematch" (FunctionRegistry.Rematch): a directory import changed matching; re-match stored history.</summary>
public sealed class RematchFunction(AccountRematch rematch)
{
    [Function(nameof(FunctionRegistry.Rematch))]
    public Task Run([QueueTrigger(QueueNames.Rematch)] BinaryData message, CancellationToken cancellationToken) =>
        TracedQueueMessage.RunAsync<RematchMessage>(FunctionRegistry.Rematch, message, rematchMessage => rematch.RunAsync(rematchMessage, cancellationToken));
}
