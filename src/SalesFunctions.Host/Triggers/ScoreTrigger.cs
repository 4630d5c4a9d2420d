using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class ScoreTrigger(ScoringService scoring) : IQueueTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.Score;

    public Task RunAsync(BinaryData message, CancellationToken cancellationToken) =>
        scoring.ScoreAsync(QueueMessages.Read<Activity>(message), cancellationToken);
}
