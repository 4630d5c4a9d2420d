using Azure.Storage.Blobs;
using NCrontab;
using SalesFunctions.Storage;
using SalesFunctions.Core.Telemetry;

namespace SalesFunctions.Host.Runtime;

/// <summary>
/// Runs one timer trigger on its NCRONTAB schedule (UTC) with one runner at a time across all instances: like the
/// Functions host, it takes a blob lease before each run and skips the occurrence when another instance holds it.
/// </summary>
public sealed partial class TimerListener(
    ITimerTrigger trigger,
    CrontabSchedule schedule,
    BlobContainerClient locks,
    ListenerHeartbeats heartbeats,
    TimeProvider time,
    ILogger<TimerListener> logger) : BackgroundService
{
    public string Function => trigger.Definition.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
                await Task.Delay(next - now, time, stoppingToken);
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A storage hiccup around the lock must not end the schedule: the next occurrence tries again.
                    LogFailed(logger, trigger.Definition.Name, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>One occurrence: true when this instance ran it, false when another instance held the lock.</summary>
    internal async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var held = await BlobLock.TryAcquireAsync(locks.GetBlobClient($"timers/{trigger.Definition.Name}"), time, stoppingToken);
        if (held is null)
        {
            LogSkipped(logger, trigger.Definition.Name);
            return false;
        }

        using var span = SalesFunctionsTracing.StartStep(trigger.Definition.Name, null);
        try
        {
            await trigger.RunAsync(stoppingToken);
            span.SetOutcome("done");
            heartbeats.Ran(trigger.Definition.Name, time.GetUtcNow(), succeeded: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No retry, as in Functions: the next occurrence runs again, and the work it does is idempotent.
            span.SetFailed(e);
            heartbeats.Ran(trigger.Definition.Name, time.GetUtcNow(), succeeded: false);
            LogFailed(logger, trigger.Definition.Name, e.GetType().Name);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function}: another instance holds the timer lock; skipping this occurrence")]
    private static partial void LogSkipped(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function}: run failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string function, string exceptionType);
}
