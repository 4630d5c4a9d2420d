using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Telemetry;

namespace SalesFunctions.Host.Runtime;

/// <summary>
/// Runs one queue trigger with the semantics of the Functions queue extension, so that both hosts behave alike:
/// batches of <c>batchSize</c>, a new batch when in-flight work drops to <c>newBatchThreshold</c>, a 10-minute lease
/// renewed while the function runs, failed messages made visible again after <c>visibilityTimeout</c>, and after
/// <c>maxDequeueCount</c> attempts the body copied to "&lt;queue&gt;-poison". Delivery is at least once.
/// On shutdown it stops fetching and lets in-flight invocations finish for <paramref name="drainGrace"/>; then it
/// cancels them and makes their messages visible again at once, so that the Host stops within its shutdown timeout
/// and another instance takes the work over without waiting out the lease.
/// </summary>
public sealed partial class QueueListener(
    IQueueTrigger trigger,
    QueueClient queue,
    QueueClient poisonQueue,
    HostJson hostJson,
    ListenerHeartbeats heartbeats,
    TimeProvider time,
    ILogger<QueueListener> logger,
    TimeSpan? drainGrace = null) : BackgroundService
{
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>How long in-flight invocations may run on after shutdown begins (the Host's shutdown timeout is 10 s).</summary>
    internal static readonly TimeSpan DefaultDrainGrace = TimeSpan.FromSeconds(6);

    /// <summary>After the drain, how long deleting, releasing or poisoning a message may take before it is left to its lease.</summary>
    private static readonly TimeSpan SettleGrace = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Cancelled <see cref="DefaultDrainGrace"/> after shutdown begins: the invocations still running then, and a receive still waiting.</summary>
    private readonly CancellationTokenSource _drain = new();

    /// <summary>Cancelled a little after <see cref="_drain"/>: storage calls that settle a message.</summary>
    private readonly CancellationTokenSource _settle = new();

    private QueueSettings Settings => hostJson.Queues;

    public override void Dispose()
    {
        base.Dispose();
        _drain.Dispose();
        _settle.Dispose();
    }

    public string Function => trigger.Definition.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grace = drainGrace ?? DefaultDrainGrace;
        using var onStop = stoppingToken.Register(() =>
        {
            _drain.CancelAfter(grace);
            _settle.CancelAfter(grace + SettleGrace);
        });
        var inFlight = new List<Task>();
        var pollDelay = MinPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count > Settings.EffectiveNewBatchThreshold)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }

                var messages = await ReceiveAsync(stoppingToken);
                if (messages.Length == 0)
                {
                    // Randomised exponential back-off while the queue is empty, as the Functions host polls.
                    await Task.Delay(Jitter(pollDelay), time, stoppingToken);
                    pollDelay = TimeSpan.FromTicks(Math.Min(pollDelay.Ticks * 2, Settings.MaxPollingInterval.Ticks));
                    continue;
                }

                pollDelay = MinPollingInterval;
                inFlight.AddRange(messages.Select(m => ProcessAsync(m, stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what runs finishes within the drain, or is cancelled and its message released.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not cancelled when shutdown begins: once storage has answered, the messages are leased for ten minutes
            // whether or not this client still listens. A receive abandoned mid-flight would strand them for that long, so
            // it may complete within the drain, and what it brought is processed like any other in-flight message.
            var received = (await queue.ReceiveMessagesAsync(Settings.BatchSize, Lease, _drain.Token)).Value;
            heartbeats.Polled(trigger.Definition.Name, time.GetUtcNow());
            return received;
        }
        catch (Exception e)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return [];
            }

            // Storage unreachable, failing or timing out (Azure.Core gives up with an AggregateException or a
            // TaskCanceledException): back off and poll again; the listener must outlive any outage.
            LogReceiveFailed(logger, trigger.Definition.Name, e.GetType().Name, (e as RequestFailedException)?.Status ?? 0);
            await Task.Delay(Settings.MaxPollingInterval, time, stoppingToken);
            return [];
        }
    }

    internal async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        if (message.DequeueCount > Settings.MaxDequeueCount)
        {
            // It failed (or crashed a host) too often already: the Functions host poisons it without invoking.
            await MoveToPoisonAsync(message, message.PopReceipt, "dequeue count exceeded before invocation", _settle.Token);
            return;
        }

        using var lease = new LeaseRenewal(queue, message, Lease, time);
        using var span = QueueMessageTrace.StartProcessing(trigger.Definition.Name, trigger.Definition.Queue!, message.Body);

        // Not cancelled when shutdown begins: in-flight invocations may finish within the drain (the Functions host's
        // drain); only the drain's end or the function timeout cancels them.
        using var invocation = CancellationTokenSource.CreateLinkedTokenSource(_drain.Token);
        invocation.CancelAfter(hostJson.FunctionTimeout);
        try
        {
            await trigger.RunAsync(message.Body, invocation.Token);
            var receipt = await lease.StopAsync();
            await queue.DeleteMessageAsync(message.MessageId, receipt, _settle.Token);
            span.SetOutcome("done");
        }
        catch (Exception e) when (_drain.IsCancellationRequested && e is OperationCanceledException)
        {
            // Shut down before it finished: visible again now for another instance, not in ten minutes. Its work is
            // idempotent, so doing it again from the start loses and doubles nothing.
            var receipt = await lease.StopAsync();
            span.SetOutcome("released");
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: _settle.Token);
                LogReleased(logger, trigger.Definition.Name, message.MessageId);
            }
            catch (Exception storageError)
            {
                LogSettleFailed(logger, trigger.Definition.Name, message.MessageId, (storageError as RequestFailedException)?.Status ?? 0);
            }
        }
        catch (Exception e)
        {
            span.SetFailed(e);
            // A failure, or the function timeout: settled as the Functions host does.
            var receipt = await lease.StopAsync();
            try
            {
                if (message.DequeueCount >= Settings.MaxDequeueCount)
                {
                    await MoveToPoisonAsync(message, receipt, Failure(e), _settle.Token);
                }
                else
                {
                    LogRetry(logger, trigger.Definition.Name, message.MessageId, message.DequeueCount, Failure(e));
                    await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: Settings.VisibilityTimeout, cancellationToken: _settle.Token);
                }
            }
            catch (Exception storageError)
            {
                // The lease lapses and the message comes back: at-least-once still holds.
                LogSettleFailed(logger, trigger.Definition.Name, message.MessageId, (storageError as RequestFailedException)?.Status ?? 0);
            }
        }
    }

    /// <summary>The exception type, and for a storage error its status and error code (PropertyValueTooLarge, …), which say what to fix.</summary>
    internal static string Failure(Exception e) => e is RequestFailedException storage
        ? $"{e.GetType().Name} {storage.Status} {storage.ErrorCode ?? "(no error code)"}"
        : e.GetType().Name;

    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt, string reason, CancellationToken cancellationToken)
    {
        // Only the body is copied, as the Functions host does, so a fixed message can be replayed as it was.
        await poisonQueue.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken);
        System.Diagnostics.Activity.Current?.AddEvent(new("moved to poison queue"));
        LogPoisoned(logger, trigger.Definition.Name, message.MessageId, message.DequeueCount, poisonQueue.Name, reason);
    }

    private static TimeSpan Jitter(TimeSpan delay) =>
        TimeSpan.FromTicks((long)(delay.Ticks * (0.8 + (Random.Shared.NextDouble() * 0.4))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: receiving failed with {ExceptionType} (status {Status}); backing off")]
    private static partial void LogReceiveFailed(ILogger logger, string function, string exceptionType, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: message {MessageId} failed on attempt {DequeueCount} with {ExceptionType}; it will be retried")]
    private static partial void LogRetry(ILogger logger, string function, string messageId, long dequeueCount, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function}: message {MessageId} moved to {PoisonQueue} after {DequeueCount} attempts: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, long dequeueCount, string poisonQueue, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: message {MessageId} released for redelivery at shutdown")]
    private static partial void LogReleased(ILogger logger, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: could not settle message {MessageId} (status {Status}); it returns when its lease lapses")]
    private static partial void LogSettleFailed(ILogger logger, string function, string messageId, int status);
}
