using SalesFunctions.Api.Functions;
using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Tests.Runtime;

/// <summary>A queue trigger that records what it was given and fails while <see cref="FailuresLeft"/> is positive.</summary>
internal sealed class RecordingQueueTrigger : IQueueTrigger
{
    private int _failuresLeft;

    public RecordingQueueTrigger(int failures = 0) => _failuresLeft = failures;

    public FunctionDefinition Definition { get; } = new("Recording", TriggerKind.Queue, Queue: "recording");

    public List<string> Received { get; } = [];

    public int FailuresLeft => _failuresLeft;

    public Task RunAsync(BinaryData message, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.Add(message.ToString());
        }

        return Interlocked.Decrement(ref _failuresLeft) >= 0
            ? throw new InvalidOperationException("Failing on purpose.")
            : Task.CompletedTask;
    }
}
