using Microsoft.Azure.Functions.Worker;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Queue "score" (FunctionRegistry.Score); retries and "score-poison" follow host.json.</summary>
public sealed class ScoreFunction(ScoringService scoring)
{
    [Function(nameof(FunctionRegistry.Score))]
    public Task Run([QueueTrigger(QueueNames.Score)] BinaryData message, CancellationToken cancellationToken) =>
        TracedQueueMessage.RunAsync<Activity>(FunctionRegistry.Score, message, activity => scoring.ScoreAsync(activity, cancellationToken));
}
