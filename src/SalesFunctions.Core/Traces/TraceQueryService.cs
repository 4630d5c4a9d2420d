using Microsoft.Extensions.Options;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Core.Traces;

/// <summary>
/// Answers "why wasn't this captured?": the traces of a message (by Internet message id or iCalUId), of a Graph item
/// id, or of a time range; and, for one message, whether its activity is stored and rolled up. The stored and rolled
/// up stages are read from the stores themselves rather than traced, so they can never disagree with the KPIs.
/// </summary>
public sealed class TraceQueryService(ITraceStore traces, IActivityStore activities, IDirtyDayStore dirtyDays, IOptions<TraceOptions> options, TimeProvider time)
{
    public TimeSpan MaxWindow => TimeSpan.FromDays(options.Value.MaxQueryDays);

    public async Task<TraceExplanation> ExplainMessageAsync(string tenantId, string messageId, bool meeting, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var key = meeting ? ActivityIds.ForMeeting(tenantId, messageId) : ActivityIds.ForEmail(tenantId, messageId);
        var found = (await traces.FindAsync(tenantId, key, from, to, cancellationToken)).ToList();

        // The notifications that led to the fetches: they were traced under the item id, before the message id was known.
        foreach (var itemId in found.Select(t => t.ItemId).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            found.AddRange((await traces.FindAsync(tenantId, TraceKeys.ForItem(itemId), from, to, cancellationToken)).Where(t => t.Stage == TraceStage.Received));
        }

        return await ExplainAsync(tenantId, key, found, cancellationToken);
    }

    public async Task<TraceExplanation> ExplainItemAsync(string tenantId, string itemId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var found = (await traces.FindAsync(tenantId, TraceKeys.ForItem(itemId), from, to, cancellationToken)).ToList();
        var inRange = await traces.ListAsync(tenantId, from, to, int.MaxValue, cancellationToken);
        var resolved = inRange.Where(t => t.ItemId == itemId && t.Key != TraceKeys.ForItem(itemId)).ToList();
        found.AddRange(resolved);
        var key = resolved.Select(t => t.Key).FirstOrDefault() ?? TraceKeys.ForItem(itemId);
        return await ExplainAsync(tenantId, key, found, cancellationToken);
    }

    public Task<IReadOnlyList<CaptureTrace>> ListAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
        traces.ListAsync(tenantId, from, to, limit, cancellationToken);

    /// <summary>The retention timer's work: drop what is wholly older than the configured retention.</summary>
    public Task<int> EnforceRetentionAsync(CancellationToken cancellationToken) =>
        traces.DeleteOlderThanAsync(time.GetUtcNow().AddDays(-options.Value.RetentionDays), cancellationToken);

    private async Task<TraceExplanation> ExplainAsync(string tenantId, string key, List<CaptureTrace> found, CancellationToken cancellationToken)
    {
        var ordered = found.DistinctBy(t => (t.At, t.Stage, t.Key, t.ItemId)).OrderBy(t => t.At).ThenBy(t => t.Stage).ToList();
        var storedOn = await activities.FindDayAsync(tenantId, key, cancellationToken);
        if (storedOn is { } day)
        {
            var dirty = (await dirtyDays.ListAsync(tenantId, cancellationToken)).Any(d => d.Day == day);
            return new TraceExplanation(key, dirty ? "awaiting-rollup" : "captured-and-rolled-up", null, day, ordered);
        }

        if (ordered.Count == 0)
        {
            return new TraceExplanation(key, "not-seen", "No notification, delta page or import mentioned it in the window; check the mailbox is tracked and widen the window.", null, ordered);
        }

        // The latest judgement counts: an item captured before a stricter policy and fetched again after it is excluded.
        var last = ordered.LastOrDefault(t => t.Outcome is not null);
        return last is { Outcome: { } outcome } && outcome != CaptureOutcome.Queued
            ? new TraceExplanation(key, "excluded", outcome.ToString(), null, ordered)
            : new TraceExplanation(key, "not-stored", "Queued for scoring but not stored: the score step may be behind, or a privacy policy applied since then excluded it.", null, ordered);
    }
}
