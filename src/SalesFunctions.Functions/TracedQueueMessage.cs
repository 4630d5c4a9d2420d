using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Telemetry;

namespace SalesFunctions.Functions;

/// <summary>
/// Runs a queue function inside a span that continues the trace of the message's sender, as the Host's QueueListener
/// does: Storage queues carry no trace context of their own, so the worker's invocation span starts a new trace, which
/// the span links to (QueueMessageTrace). The trigger binds BinaryData to read both the context and the message.
/// </summary>
internal static class TracedQueueMessage
{
    public static async Task RunAsync<T>(FunctionDefinition function, BinaryData message, Func<T, Task> run)
    {
        using var span = QueueMessageTrace.StartProcessing(function.Name, function.Queue!, message);
        try
        {
            await run(QueueMessages.Read<T>(message));
            span.SetOutcome("done");
        }
        catch (Exception e)
        {
            span.SetFailed(e);
            throw;
        }
    }
}
