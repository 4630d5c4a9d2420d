using Microsoft.Extensions.Options;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>
/// The event-driven rollup (ADR 0022): a tenant's new facts ask for its rollup on the "rollup" queue, invisible for
/// <see cref="KpiOptions.RollupDelaySeconds"/>, and the marks that arrive meanwhile ride on that one request, so a burst
/// costs one recompute per tenant, window and instance. The timer stays as the safety net.
/// </summary>
public sealed class RollupRequests(IQueuePublisher queue, IOptionsMonitor<KpiOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _requestedUntil = new(StringComparer.Ordinal);

    private TimeSpan Delay => TimeSpan.FromSeconds(options.CurrentValue.RollupDelaySeconds);

    /// <summary>Asks for the tenant's rollup unless this instance asked within the window; nothing when the delay is 0 (timer only).</summary>
    public async Task RequestAsync(string tenantId, CancellationToken cancellationToken)
    {
        var delay = Delay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        lock (_requestedUntil)
        {
            if (_requestedUntil.TryGetValue(tenantId, out var until) && until > now)
            {
                return;
            }

            _requestedUntil[tenantId] = now + delay;
        }

        try
        {
            await queue.SendLaterAsync(QueueNames.Rollup, new RollupRequest(tenantId), delay, cancellationToken);
        }
        catch
        {
            // Not asked after all: the next mark asks again (and the timer catches the days regardless).
            lock (_requestedUntil)
            {
                _requestedUntil.Remove(tenantId);
            }

            throw;
        }
    }

    /// <summary>Asks again one window later, whatever this instance asked before: for a request whose tenant another run held.</summary>
    public Task RequestAgainAsync(RollupRequest request, CancellationToken cancellationToken) =>
        queue.SendLaterAsync(QueueNames.Rollup, request, Delay > TimeSpan.Zero ? Delay : TimeSpan.FromSeconds(5), cancellationToken);
}
