using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesFunctions.Api.Functions;

namespace SalesFunctions.Host.Runtime;

/// <summary>
/// Readiness of one listener of this instance. A queue listener is unhealthy when its loop ended or when storage has
/// not answered one of its polls for longer than <see cref="StaleAfter"/> (it polls at least every maxPollingInterval,
/// and waits at most a message lease when all its slots are busy). A timer is unhealthy when its loop ended; its last
/// run is reported, and a failed last run makes it degraded, not unready: the next occurrence runs again.
/// </summary>
public sealed class ListenerHealthCheck(FunctionDefinition function, ListenerHeartbeats heartbeats, HostJson hostJson, TimeProvider time) : IHealthCheck
{
    public TimeSpan StaleAfter => QueueListener.Lease + hostJson.Queues.MaxPollingInterval;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var listener = heartbeats.Listeners.FirstOrDefault(l => l.Function == function.Name).Listener;
        if (listener is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("not started"));
        }

        if (listener.ExecuteTask is { IsCompleted: true })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("its loop has ended"));
        }

        var now = time.GetUtcNow();
        return Task.FromResult(function.Trigger == TriggerKind.Queue ? Queue(now) : Timer(now));
    }

    private HealthCheckResult Queue(DateTimeOffset now) => heartbeats.LastPoll(function.Name) switch
    {
        null => HealthCheckResult.Healthy("no poll answered yet"),
        { } at when now - at > StaleAfter => HealthCheckResult.Unhealthy($"last poll answered {Seconds(now - at)} s ago"),
        { } at => HealthCheckResult.Healthy($"last poll answered {Seconds(now - at)} s ago"),
    };

    private HealthCheckResult Timer(DateTimeOffset now) => heartbeats.LastRun(function.Name) switch
    {
        null => HealthCheckResult.Healthy("not run yet in this instance"),
        { Succeeded: false } run => HealthCheckResult.Degraded($"last run {Seconds(now - run.At)} s ago failed"),
        { } run => HealthCheckResult.Healthy($"last run {Seconds(now - run.At)} s ago succeeded"),
    };

    private static long Seconds(TimeSpan age) => (long)Math.Max(0, age.TotalSeconds);
}
