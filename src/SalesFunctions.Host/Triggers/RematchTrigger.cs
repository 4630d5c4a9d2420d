using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Triggers;

public sealed class RematchTrigger(AccountRematch rematch) : IQueueTrigger
{
    public FunctionDefinition Definition => FunctionRegistry.Rematch;

    public async Task RunAsync(BinaryData message, CancellationToken cancellationToken)
    {
        var request = QueueMessages.Read<RematchMessage>(message);
        await rematch.RunAsync(request, cancellationToken);
    }
}
