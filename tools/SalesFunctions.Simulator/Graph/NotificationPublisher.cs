using System.Net.Http.Json;

namespace SalesFunctions.Simulator.Graph;

/// <summary>
/// Posts basic change notifications as Graph does: batched value[] (possibly mixing subscriptions), up to 4 requests
/// at a time, retried with back-off on a non-2xx answer or a 3-second timeout, and now and then sent twice.
/// </summary>
public sealed class NotificationPublisher(IHttpClientFactory httpClients, SubscriptionRegistry subscriptions, SimulatorOptions options)
{
    private const int MaxBatch = 20;
    private const double DuplicateRate = 0.03;

    // Graph keeps retrying for hours; the simulator gives up sooner so that a broken receiver shows in the demo, unless
    // its senders are patient (chaos runs: a killed Host must lose nothing).
    private const int MaxAttempts = 10;
    private const int PatientMaxAttempts = 60;

    public async Task<PublishSummary> PublishAsync(IReadOnlyList<ItemCopy> copies, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed + copies.Count);
        var active = subscriptions.All.Where(s => s.Target is not null).ToList();
        var notifications = new List<(string Url, object Body)>();
        var duplicates = 0;
        foreach (var copy in copies)
        {
            var kind = copy.IsMessage ? "messages" : "events";
            foreach (var subscription in active.Where(s => s.Target!.Value.Mailbox == copy.Mailbox && s.Target.Value.Kind == kind))
            {
                var notification = Notification(subscription, copy, random);
                notifications.Add((subscription.NotificationUrl, notification));
                if (random.NextDouble() < DuplicateRate)
                {
                    notifications.Add((subscription.NotificationUrl, notification));
                    duplicates++;
                }
            }
        }

        return await DeliverAsync(copies.Count, notifications, duplicates, random, cancellationToken);
    }

    /// <summary>Notifies the call-record subscribers (resource communications/callRecords) of new call records.</summary>
    public async Task<PublishSummary> PublishCallRecordsAsync(IReadOnlyList<string> callRecordIds, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed + callRecordIds.Count);
        var notifications = new List<(string Url, object Body)>();
        foreach (var subscription in subscriptions.All.Where(s => s.IsCallRecords))
        {
            notifications.AddRange(callRecordIds.Select(id => (subscription.NotificationUrl, (object)new Dictionary<string, object?>
            {
                ["subscriptionId"] = subscription.Id,
                ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime,
                ["changeType"] = "created",
                ["resource"] = $"communications/callRecords/{id}",
                ["tenantId"] = Organisation.DemoOrganisation.TenantId,
                ["clientState"] = subscription.ClientState,
                ["resourceData"] = new Dictionary<string, object?>
                {
                    ["@odata.type"] = "#microsoft.graph.callrecord",
                    ["@odata.id"] = $"communications/callRecords/{id}",
                    ["id"] = id,
                },
            })));
        }

        return await DeliverAsync(callRecordIds.Count, notifications, 0, random, cancellationToken);
    }

    private async Task<PublishSummary> DeliverAsync(int items, List<(string Url, object Body)> notifications, int duplicates, Random random, CancellationToken cancellationToken)
    {
        var batches = notifications.GroupBy(n => n.Url)
            .SelectMany(g => Batch(g.Select(n => n.Body).ToList(), random).Select(b => (Url: g.Key, Items: b)))
            .ToList();
        var failures = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, token) =>
        {
            if (!await PostWithRetriesAsync(batch.Url, new { value = batch.Items }, token))
            {
                Interlocked.Increment(ref failures);
            }
        });
        return new PublishSummary(items, notifications.Count, duplicates, batches.Count, failures);
    }

    /// <summary>A lifecycle event for one subscription, posted to its lifecycleNotificationUrl as Graph does.</summary>
    public async Task<bool> PublishLifecycleAsync(SimSubscription subscription, string lifecycleEvent, CancellationToken cancellationToken)
    {
        if (subscription.LifecycleNotificationUrl is null)
        {
            return false;
        }

        var item = new Dictionary<string, object?>
        {
            ["lifecycleEvent"] = lifecycleEvent,
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime,
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = Organisation.DemoOrganisation.TenantId,
        };
        return await PostWithRetriesAsync(subscription.LifecycleNotificationUrl, new { value = new[] { item } }, cancellationToken);
    }

    /// <summary>One change notification item as Graph sends it for a created item (the ingress benchmark builds its batches from these).</summary>
    public static Dictionary<string, object?> Notification(SimSubscription subscription, ItemCopy copy, Random random)
    {
        // Graph is not consistent about casing; receivers must not depend on it.
        var pascal = random.NextDouble() < 0.5;
        var kind = copy.IsMessage ? (pascal ? "Messages" : "messages") : (pascal ? "Events" : "events");
        var resource = pascal ? $"Users/{copy.Mailbox}/{kind}/{copy.Id}" : $"users('{copy.Mailbox}')/{kind}('{copy.Id}')";
        return new Dictionary<string, object?>
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = subscription.ExpirationDateTime,
            ["changeType"] = "created",
            ["resource"] = resource,
            ["tenantId"] = Organisation.DemoOrganisation.TenantId,
            ["clientState"] = subscription.ClientState,
            ["resourceData"] = new Dictionary<string, object?>
            {
                ["@odata.type"] = copy.IsMessage ? (pascal ? "#Microsoft.Graph.Message" : "#microsoft.graph.message") : "#microsoft.graph.event",
                ["@odata.id"] = resource,
                ["@odata.etag"] = $"W/\"{copy.Sequence}\"",
                ["id"] = copy.Id,
            },
        };
    }

    private static IEnumerable<List<object>> Batch(List<object> items, Random random)
    {
        for (var i = 0; i < items.Count;)
        {
            var size = random.Next(1, MaxBatch + 1);
            yield return items.Skip(i).Take(size).ToList();
            i += size;
        }
    }

    private async Task<bool> PostWithRetriesAsync(string url, object body, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient("notifications");
        var attempts = options.PatientSenders ? PatientMaxAttempts : MaxAttempts;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // 3 s for the first delivery, 10 s for retries, as Graph's webhook delivery documents.
            timeout.CancelAfter(attempt == 0 ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(10));
            try
            {
                using var response = await client.PostAsJsonAsync(url, body, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Retried below.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 200 * Math.Pow(2, attempt))), cancellationToken);
        }

        return false;
    }
}
