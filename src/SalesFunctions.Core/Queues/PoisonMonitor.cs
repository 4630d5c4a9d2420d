using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace SalesFunctions.Core.Queues;

/// <summary>
/// Poison-queue monitoring: the timer reports every non-empty poison queue as a warning and a gauge, so that an alert
/// on either reaches an operator; the admin API lists messages (ids and ages, never bodies) and replays them after a fix.
/// The same check reads each work queue's depth and the age of its oldest waiting message for their gauges.
/// </summary>
public sealed partial class PoisonMonitor
{
    private readonly IPoisonQueues _poison;
    private readonly IQueueDepths _queues;
    private readonly TimeProvider _time;
    private readonly ILogger<PoisonMonitor> _logger;
    private readonly Dictionary<string, int> _lastCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Depth, double AgeSeconds)> _lastLevels = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public PoisonMonitor(IPoisonQueues poison, IQueueDepths queues, SalesFunctionsMetrics metrics, TimeProvider time, ILogger<PoisonMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        (_poison, _queues, _time, _logger) = (poison, queues, time, logger);
        metrics.ObservePoisonMessages(ObserveCounts);
        metrics.ObserveQueues(() => ObserveLevels(l => l.Depth), () => ObserveLevels(l => l.AgeSeconds));
    }

    /// <summary>Azure Queue peeks at most 32 messages; the count covers the rest.</summary>
    public const int MaxListed = 32;

    public async Task<IReadOnlyList<PoisonReport>> CheckAsync(CancellationToken cancellationToken)
    {
        var reports = new List<PoisonReport>();
        foreach (var queue in QueueNames.All)
        {
            var count = await _poison.CountAsync(queue, cancellationToken);
            var messages = count > 0 ? await _poison.PeekAsync(queue, MaxListed, cancellationToken) : [];
            var oldest = messages.Min(m => m.InsertedAt);
            reports.Add(new PoisonReport(queue, count, oldest, messages));
            if (count > 0)
            {
                LogPoison(_logger, count, queue, oldest is { } at ? (_time.GetUtcNow() - at).TotalHours : 0);
            }
        }

        var depths = await _queues.GetApproximateDepthsAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var levels = new Dictionary<string, (int, double)>(StringComparer.Ordinal);
        foreach (var queue in QueueNames.All)
        {
            var oldest = await _queues.GetOldestVisibleAsync(queue, cancellationToken);
            levels[queue] = (depths.GetValueOrDefault(queue), oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
        }

        lock (_lock)
        {
            foreach (var report in reports)
            {
                _lastCounts[report.Queue] = report.Count;
            }

            foreach (var (queue, level) in levels)
            {
                _lastLevels[queue] = level;
            }
        }

        return reports;
    }

    public Task<int> ReplayAsync(string queue, int max, CancellationToken cancellationToken)
    {
        if (!QueueNames.All.Contains(queue))
        {
            throw new ArgumentException($"'{queue}' is not one of {string.Join(", ", QueueNames.All)}.", nameof(queue));
        }

        return ReplayCoreAsync(queue, max, cancellationToken);
    }

    private async Task<int> ReplayCoreAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var replayed = await _poison.ReplayAsync(queue, max, cancellationToken);
        LogReplayed(_logger, replayed, queue);
        return replayed;
    }

    private IEnumerable<Measurement<int>> ObserveCounts()
    {
        lock (_lock)
        {
            return [.. _lastCounts.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("queue", c.Key)))];
        }
    }

    private IEnumerable<Measurement<T>> ObserveLevels<T>(Func<(int Depth, double AgeSeconds), T> value)
        where T : struct
    {
        lock (_lock)
        {
            return [.. _lastLevels.Select(l => new Measurement<T>(value(l.Value), new KeyValuePair<string, object?>("queue", l.Key)))];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} messages in the poison queue of {Queue}, the oldest {AgeHours:F1} h old: fix the cause, then replay them (POST /api/admin/poison/{Queue}/replay)")]
    private static partial void LogPoison(ILogger logger, int count, string queue, double ageHours);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} poison messages into {Queue}")]
    private static partial void LogReplayed(ILogger logger, int count, string queue);
}
