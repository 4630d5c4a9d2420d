using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using NCrontab;
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
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(60);

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
        var blob = locks.GetBlobClient($"timers/{trigger.Definition.Name}");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, stoppingToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The lock blob exists already (or is leased right now): either way it is there to lease.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LockDuration, cancellationToken: stoppingToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            LogSkipped(logger, trigger.Definition.Name);
            return false;
        }

        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(lease, renewal.Token);
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
        finally
        {
            await renewal.CancelAsync();
            await renewing;
            try
            {
                await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException)
            {
                // The lease lapses by itself within a minute; the next occurrence can take it then.
            }
        }

        return true;
    }

    private async Task RenewAsync(BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LockDuration / 3, time, cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The run finished.
        }
        catch (RequestFailedException)
        {
            // Renewal failed; the run goes on, and at worst another instance may start the next occurrence early.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Function}: another instance holds the timer lock; skipping this occurrence")]
    private static partial void LogSkipped(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function}: run failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string function, string exceptionType);
}
