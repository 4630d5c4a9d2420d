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
/// </summary>
public sealed partial class QueueListener(
    IQueueTrigger trigger,
    QueueClient queue,
    QueueClient poisonQueue,
    HostJson hostJson,
    ListenerHeartbeats heartbeats,
    TimeProvider time,
    ILogger<QueueListener> logger) : BackgroundService
{
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private QueueSettings Settings => hostJson.Queues;

    public string Function => trigger.Definition.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            // Shutting down: unfinished messages keep their lease and come back once it lapses.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not cancelled by shutdown: once storage has answered, the messages are leased for ten minutes whether or
            // not this client still listens. A receive abandoned mid-flight would strand them for that long, so it
            // completes, and what it brought is processed in the drain like any other in-flight message.
            var received = (await queue.ReceiveMessagesAsync(Settings.BatchSize, Lease, CancellationToken.None)).Value;
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
            await MoveToPoisonAsync(message, message.PopReceipt, "dequeue count exceeded before invocation", stoppingToken);
            return;
        }

        using var lease = new LeaseRenewal(queue, message, Lease, time);
        using var span = QueueMessageTrace.StartProcessing(trigger.Definition.Name, trigger.Definition.Queue!, message.Body);

        // Not linked to stoppingToken: on shutdown the listener stops fetching and lets in-flight invocations finish
        // (the Functions host's drain), instead of leaving their messages leased for ten minutes.
        using var timeout = new CancellationTokenSource(hostJson.FunctionTimeout);
        try
        {
            await trigger.RunAsync(message.Body, timeout.Token);
            var receipt = await lease.StopAsync();
            await queue.DeleteMessageAsync(message.MessageId, receipt, CancellationToken.None);
            span.SetOutcome("done");
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
                    await MoveToPoisonAsync(message, receipt, Failure(e), CancellationToken.None);
                }
                else
                {
                    LogRetry(logger, trigger.Definition.Name, message.MessageId, message.DequeueCount, Failure(e));
                    await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: Settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
                }
            }
            catch (Exception storageError) when (storageError is not OperationCanceledException)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: could not settle message {MessageId} (status {Status}); it returns when its lease lapses")]
    private static partial void LogSettleFailed(ILogger logger, string function, string messageId, int status);
}
