using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "rematch" (FunctionRegistry.Rematch): a directory import changed matching; re-match stored history.</summary>
public sealed class RematchFunction(AccountRematch rematch)
{
    [Function(nameof(FunctionRegistry.Rematch))]
    public Task Run([QueueTrigger(QueueNames.Rematch)] RematchMessage message, CancellationToken cancellationToken) =>
        rematch.RunAsync(message, cancellationToken);
}
