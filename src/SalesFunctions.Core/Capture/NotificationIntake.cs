using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Telemetry;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// Turns a Graph notification POST into queued work. It must answer within Graph's 3-second budget, so it only
/// authenticates each item against its subscription's clientState and queues ids; the work happens in queue steps.
/// The route is anonymous: what one request can cost is bounded before any storage call (items per request, the
/// shape of every key), lookups go through <see cref="SubscriptionLookup"/>, and refusals are counted in one log line
/// per request, never a line per item.
/// </summary>
public sealed partial class NotificationIntake(
    SubscriptionLookup subscriptions,
    IQueuePublisher queue,
    CaptureTracer tracer,
    TimeProvider time,
    SalesFunctionsMetrics metrics,
    ILogger<NotificationIntake> logger)
{
    /// <summary>
    /// Graph documents no number; its batches are a handful of items, and a 1 MiB body of basic notifications (about
    /// 600 bytes each) holds fewer than 2,000. A body over this is refused whole, before any lookup.
    /// </summary>
    public const int MaxItems = 1000;

    /// <summary>
    /// One deployment serves one organisation, whose notifications carry its one tenant id; a few more leave room for
    /// a multi-tenant setup. Items of further tenants in the same request are refused without a lookup, so a request
    /// costs at most this many times <see cref="SubscriptionLookup.MaxPointReadsPerTenant"/> storage reads.
    /// </summary>
    public const int MaxTenantsPerRequest = 10;

    /// <summary>Graph's own limit for clientState (resources/changenotification.md).</summary>
    public const int MaxClientStateLength = 255;

    /// <summary>Graph subscription ids are GUIDs; published examples use placeholders such as "{subscription_guid}".</summary>
    public const int MaxSubscriptionIdLength = 128;

    /// <summary>changeType and lifecycleEvent are short words ("created,updated", "reauthorizationRequired"); both travel in queue messages.</summary>
    public const int MaxEventLength = 64;

    /// <summary>Outlook item ids are about 150 characters; the id travels in a queue message of at most 64 KiB.</summary>
    public const int MaxResourceIdLength = 1024;

    /// <summary>Change notifications (POST graph/notifications): one capture request per authentic item.</summary>
    public async Task<IntakeResult> AcceptAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var span = SalesFunctionsTracing.StartStep("graph notifications", null);
        var (items, nulls) = Parse(body);
        var changes = items.Where(IsChange).ToList();
        var (authentic, refusals) = await AuthenticateAsync(changes, cancellationToken);

        // The mailbox comes from our own subscription record, never from the notification's resource path.
        var requests = authentic.Select(a => new CaptureRequest(a.Notification.TenantId!, a.Subscription.Mailbox, a.Subscription.Resource,
            a.Notification.ResourceData!.Id!, a.Notification.ChangeType ?? "updated", a.Subscription.SubscriptionId)).ToList();
        if (requests.Count > 0)
        {
            // Only authentic items leave a trace: an unauthenticated caller must not be able to fill our storage.
            var now = time.GetUtcNow();
            var traces = requests.Select(r => new CaptureTrace(r.TenantId, now, TraceStage.Received, TraceKeys.ForItem(r.ItemId), r.ItemId, null,
                r.SubscriptionId, MailboxHash: TraceKeys.Mailbox(r.Mailbox))).ToList();
            await Task.WhenAll(queue.SendBatchAsync(QueueNames.Capture, requests, cancellationToken), tracer.RecordAsync(traces, cancellationToken));
        }

        return Report("change", requests.Count, refusals, items.Count + nulls - changes.Count, span, started);
    }

    /// <summary>Lifecycle notifications (POST graph/lifecycle): one lifecycle notice per authentic item.</summary>
    public async Task<IntakeResult> AcceptLifecycleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var span = SalesFunctionsTracing.StartStep("graph lifecycle", null);
        var (items, nulls) = Parse(body);
        var events = items.Where(n => n.LifecycleEvent is { Length: > 0 } && HasSubscription(n)).ToList();
        var (authentic, refusals) = await AuthenticateAsync(events, cancellationToken);
        var notices = authentic.Select(a => new LifecycleNotice(a.Subscription.TenantId, a.Subscription.SubscriptionId, a.Notification.LifecycleEvent!)).ToList();
        if (notices.Count > 0)
        {
            await queue.SendBatchAsync(QueueNames.Lifecycle, notices, cancellationToken);
        }

        return Report("lifecycle", notices.Count, refusals, items.Count + nulls - events.Count, span, started);
    }

    /// <summary>
    /// Counts, the span's outcome and the acknowledgement latency of one request. The tenant is not tagged: one request
    /// may hold several, and an unauthenticated one names whatever it likes.
    /// </summary>
    private IntakeResult Report(string kind, int accepted, Refusals refusals, int ignored, Activity? span, long started)
    {
        var rejected = refusals.Malformed + refusals.Unknown + refusals.Mismatch;
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        metrics.NotificationsAccepted.Add(accepted, kindTag);
        metrics.NotificationsRejected.Add(rejected, kindTag);
        metrics.AckLatency.Record(time.GetElapsedTime(started).TotalSeconds, kindTag);
        span?.SetTag("salesfunctions.accepted", accepted).SetTag("salesfunctions.rejected", rejected)
            .SetOutcome(rejected == 0 ? "accepted" : accepted == 0 ? "rejected" : "partly rejected");
        LogAccepted(logger, kind, accepted, rejected, refusals.Malformed, refusals.Unknown, refusals.Mismatch, ignored);
        return new IntakeResult(accepted, rejected, ignored);
    }

    /// <summary>
    /// Items whose subscription we hold and whose clientState matches its stored hash. Malformed items are refused
    /// without a lookup; each distinct subscription of the rest is looked up once (<see cref="SubscriptionLookup"/>).
    /// </summary>
    private async Task<(List<(ChangeNotification Notification, SubscriptionRecord Subscription)> Authentic, Refusals Refusals)> AuthenticateAsync(
        List<ChangeNotification> items, CancellationToken cancellationToken)
    {
        var tenants = items.Where(IsWellFormed).Select(n => n.TenantId!).Distinct(StringComparer.Ordinal).Take(MaxTenantsPerRequest).ToHashSet(StringComparer.Ordinal);
        var wellFormed = items.Where(n => IsWellFormed(n) && tenants.Contains(n.TenantId!)).ToList();
        var lookup = await subscriptions.FindAsync([.. wellFormed.Select(n => (n.TenantId!, n.SubscriptionId!)).Distinct()], cancellationToken);
        var authentic = new List<(ChangeNotification, SubscriptionRecord)>();
        int unknown = 0, mismatch = 0;
        foreach (var item in wellFormed)
        {
            // Not from Graph, or for a subscription we deleted: never processed, only counted.
            if (lookup[(item.TenantId!, item.SubscriptionId!)] is not { } subscription)
            {
                unknown++;
            }
            else if (!ClientStates.Matches(item.ClientState, subscription.ClientStateHash))
            {
                mismatch++;
            }
            else
            {
                authentic.Add((item, subscription));
            }
        }

        return (authentic, new Refusals(items.Count - wellFormed.Count, unknown, mismatch));
    }

    /// <summary>
    /// What Graph sends: a tenant id (a GUID), a subscription id and clientState within Graph's sizes, and for a change
    /// an item id a queue message can carry. Anything else is refused before it can reach storage as a key.
    /// </summary>
    private static bool IsWellFormed(ChangeNotification notification) =>
        KeyText.IsSafeId(notification.TenantId)
        && notification.SubscriptionId is { Length: <= MaxSubscriptionIdLength } subscriptionId && subscriptionId.All(IsKeyCharacter)
        && notification.ClientState is { Length: > 0 and <= MaxClientStateLength }
        && notification.ChangeType is null or { Length: <= MaxEventLength }
        && notification.LifecycleEvent is null or { Length: <= MaxEventLength }
        && (notification.ResourceData?.Id is null || (notification.ResourceData.Id.Length <= MaxResourceIdLength && !notification.ResourceData.Id.Any(char.IsControl)));

    /// <summary>Printable ASCII other than the characters Table Storage keys forbid.</summary>
    private static bool IsKeyCharacter(char c) => c is > ' ' and < (char)127 and not ('/' or '\\' or '#' or '?');

    private static bool HasSubscription(ChangeNotification notification) =>
        !string.IsNullOrEmpty(notification.SubscriptionId) && !string.IsNullOrEmpty(notification.TenantId);

    /// <summary>A change notification we can act on; lifecycle events and items without ids are not.</summary>
    private static bool IsChange(ChangeNotification notification) =>
        notification.LifecycleEvent is null && !string.IsNullOrEmpty(notification.ResourceData?.Id) && HasSubscription(notification);

    /// <summary>The items of the body, and how many were null (ignored, like any item we cannot act on).</summary>
    private static (IReadOnlyList<ChangeNotification> Items, int Nulls) Parse(ReadOnlyMemory<byte> body)
    {
        IReadOnlyList<ChangeNotification?> value;
        try
        {
            value = JsonSerializer.Deserialize<ChangeNotificationCollection>(body.Span)?.Value
                ?? throw new InvalidNotificationException("The body has no 'value' array of notifications.");
        }
        catch (JsonException e)
        {
            throw new InvalidNotificationException("The body is not valid JSON.", e);
        }

        if (value.Count > MaxItems)
        {
            throw new InvalidNotificationException($"The body holds {value.Count} notifications; at most {MaxItems} are accepted in one request.");
        }

        var items = value.OfType<ChangeNotification>().ToList();
        return (items, value.Count - items.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} notifications: {Accepted} queued, {Rejected} rejected ({Malformed} malformed, {Unknown} for an unknown subscription, {Mismatch} with a wrong clientState), {Ignored} ignored")]
    private static partial void LogAccepted(ILogger logger, string kind, int accepted, int rejected, int malformed, int unknown, int mismatch, int ignored);

    /// <summary>Why items were refused, counted per request.</summary>
    private readonly record struct Refusals(int Malformed, int Unknown, int Mismatch);
}
