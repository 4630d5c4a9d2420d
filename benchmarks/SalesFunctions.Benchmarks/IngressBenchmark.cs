using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Core;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Security;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Storage;
using Spectre.Console;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// Ingress under load (issue 20): Azurite's raw enqueue rate R first (queue sends at 1 to 64 in flight, the best), then
/// Graph notification batches of 1 to 100 items (the simulator's own notification items, with each subscription's
/// clientState) and signed CRM webhooks (the simulator's CrmWebhookWriter, one in ten items) offered at a steady rate
/// while a worker Host captures the onboarding backlog and everything the notifications queue. The rate rises by half
/// each step until the acknowledgement p99 reaches 100 ms; the last rate under it is held for the requested seconds.
/// Latency runs from when a request was due, not when it was sent, so a slow answer cannot hide the requests behind it.
/// Two Hosts share the process, the storage and the SDK's connection pool, as Flex Consumption runs HTTP and queue
/// functions as separate instances: the ingress one has no listeners, so its storage calls are the ingress's alone.
/// </summary>
internal static class IngressBenchmark
{
    private const double TargetP99Milliseconds = 100;
    private const double CrmShare = 0.1;
    private const double StepFactor = 1.5;
    private const double FirstRate = 10;

    /// <param name="backlog">False for a control run: the worker Host has no listeners either, so nothing competes with the ingress.</param>
    public static async Task<int> RunAsync(string connectionString, TimeSpan hold, TimeSpan perPoint, bool backlog, Action<string> progress)
    {
        var raw = await StorageBaseline.MeasureAsync(connectionString, perPoint, progress, [StorageOperation.QueueSend]);
        var rawEnqueue = raw.Best(StorageOperation.QueueSend);

        await using var simulator = SimulatorApp.Build(new SimulatorOptions { Urls = "http://127.0.0.1:0", Days = 30 });
        await simulator.StartAsync();
        await simulator.Services.GetRequiredService<Player>().PlayAsync(null, CancellationToken.None, notify: false);
        var prefix = "ingress" + Guid.NewGuid().ToString("N")[..6];
        var crmSettings = CrmDemoConnectors.Settings(DemoOrganisation.TenantId);
        var workerUrl = DeltaBackfillBenchmark.FreeLoopbackUrl();
        await using var worker = await DeltaBackfillBenchmark.StartHostAsync(connectionString, prefix, workerUrl, simulator.Urls.First(),
            new Dictionary<string, string?>(crmSettings) { ["Listeners:Enabled"] = backlog ? "true" : "false" });
        var ingressUrl = DeltaBackfillBenchmark.FreeLoopbackUrl();
        await using var ingress = await DeltaBackfillBenchmark.StartHostAsync(connectionString, prefix, ingressUrl, simulator.Urls.First(),
            new Dictionary<string, string?>(crmSettings) { ["Listeners:Enabled"] = "false" });

        using var admin = new HttpClient { BaseAddress = new Uri(workerUrl + "/") };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            worker.Services.GetRequiredService<DevelopmentIssuer>().Issue(DemoOrganisation.TenantId, CallerRole.Admin, "bench-admin", "bench-admin@bench.example", "Benchmark"));
        await new DemoDriver(admin, simulator, TimeSpan.FromMinutes(20)).ImportAndSubscribeAsync(CancellationToken.None);
        using var processed = new ProcessedItems(worker.Services.GetRequiredService<IMeterFactory>());
        var workerCounter = worker.Services.GetRequiredService<StorageCallCounter>();
        var workerBefore = workerCounter.Snapshot();

        using var load = new Load(simulator, new Uri(ingressUrl + "/"), ingress.Services.GetRequiredService<IMeterFactory>());
        progress(string.Create(CultureInfo.InvariantCulture,
            $"ingress: raw enqueue {rawEnqueue:F0}/s; offering {load.Items:N0} mailbox items of {load.Subscriptions} subscriptions and {load.CrmChanges} CRM deal changes; the worker Host captures the onboarding backlog meanwhile"));
        var queues = worker.Services.GetRequiredService<StorageQueues>();
        async Task<string> BacklogAsync()
        {
            var depths = await queues.GetApproximateDepthsAsync(CancellationToken.None);
            return string.Join(", ", new[] { QueueNames.Sync, QueueNames.Capture, QueueNames.Score, QueueNames.Crm }.Select(q => $"{q} {depths[q]:N0}"));
        }

        // Unmeasured: the first requests pay for JIT, connections and the subscription cache.
        progress($"  warm-up: {await load.OfferAsync(FirstRate, TimeSpan.FromSeconds(10))}");
        var step = TimeSpan.FromSeconds(Math.Max(10, hold.TotalSeconds / 3));
        var levels = new List<Level>();
        Level? sustained = null;
        for (var rate = FirstRate; rate < rawEnqueue * 4; rate *= StepFactor)
        {
            var level = await load.OfferAsync(rate, step);
            levels.Add(level);
            progress($"  {level}; backlog {await BacklogAsync()}");
            if (!level.Passes)
            {
                break;
            }

            sustained = level;
        }

        var counter = ingress.Services.GetRequiredService<StorageCallCounter>();
        var before = counter.Snapshot();
        var held = await load.OfferAsync(sustained?.Rate ?? FirstRate, hold);
        var calls = counter.Since(before);
        progress($"held: {held}; backlog {await BacklogAsync()}");
        var half = await load.OfferAsync(held.Rate / 2, TimeSpan.FromSeconds(Math.Min(hold.TotalSeconds, 15)));
        progress($"half: {half}");

        // Is a slow acknowledgement the process's shared connection pool or Azurite itself? Raw sends on a pool of their
        // own while the backlog runs: if they are as slow, a separate pool for the ingress would not help here.
        var (probeRate, probeMilliseconds) = await OwnPoolSendsAsync(connectionString, TimeSpan.FromSeconds(5));
        var backlogNow = await BacklogAsync();
        progress(string.Create(CultureInfo.InvariantCulture,
            $"raw enqueue now, on a connection pool of its own, 16 in flight: {probeRate:F0}/s, p50 {probeMilliseconds:F0} ms per send; backlog {backlogNow}"));

        // Stopped, the worker has finished or released every message: what was acknowledged is processed or still queued.
        await ingress.StopAsync();
        await worker.StopAsync();
        var names = worker.Services.GetRequiredService<StorageNames>();

        // The worker's calls on what only CRM events touch (their queue, payload blobs and record tables); the marks and
        // rollups they cause are shared with mail and not in this figure.
        string[] crmOnly = [QueueNames.Crm, QueueNames.PoisonOf(QueueNames.Crm), StorageNames.CrmPayloads, StorageNames.CrmRecords, StorageNames.CrmEvents];
        var crmProcessing = new PathCalls(workerCounter.Since(workerBefore).Where(c => crmOnly.Contains(c.Key.Name)).ToDictionary(), Math.Max(1, processed.CrmDone), "CRM message processed");
        async Task<int> DepthAsync(string queue) =>
            (await new QueueClient(connectionString, names.Queue(queue)).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var captureWaiting = await DepthAsync(QueueNames.Capture) + await DepthAsync(QueueNames.PoisonOf(QueueNames.Capture));
        var crmWaiting = await DepthAsync(QueueNames.Crm) + await DepthAsync(QueueNames.PoisonOf(QueueNames.Crm));
        var lostNotifications = Math.Max(0, load.AcceptedItems - processed.Captured - captureWaiting);
        var lostCrm = Math.Max(0, load.AcceptedWebhooks - processed.CrmDone - crmWaiting);

        var crmCalls = new PathCalls(calls.Where(c => c.Key.Name is StorageNames.CrmPayloads or QueueNames.Crm).ToDictionary(), held.CrmAccepted, "CRM webhook");
        var graphCalls = new PathCalls(calls.Where(c => c.Key.Name is not (StorageNames.CrmPayloads or QueueNames.Crm)).ToDictionary(), held.ItemsAccepted, "notification item");
        var table = new Table().Title("Ingress: Graph notification batches and CRM webhooks against a busy pipeline (same run, same Azurite)").AddColumns("Measure", "Value");
        table.AddRow("raw enqueue R (queue sends, best of 1/4/16/64 in flight)", $"{rawEnqueue:N0}/s");
        foreach (var level in levels)
        {
            table.AddRow(Markup.Escape($"step {level.Rate:F0}/s offered"), Markup.Escape(level.ToString()));
        }

        table.AddRow("held", Markup.Escape(held.ToString()));
        table.AddRow("at half the held rate", Markup.Escape(half.ToString()));
        table.AddRow("storage calls per notification item / per CRM webhook (held)", $"{graphCalls.PerItem:F2} / {crmCalls.PerItem:F2}");
        table.AddRow("acknowledged notification items / captured or queued / lost", $"{load.AcceptedItems:N0} / {processed.Captured + captureWaiting:N0} / {lostNotifications:N0}");
        table.AddRow("acknowledged CRM webhooks / processed or queued / lost", $"{load.AcceptedWebhooks:N0} / {processed.CrmDone + crmWaiting:N0} / {lostCrm:N0}");
        AnsiConsole.Write(table);
        Console.WriteLine($"storage calls of the ingress Host while held: {calls.Values.Sum():N0}");
        graphCalls.Lines().Concat(crmCalls.Lines()).ToList().ForEach(Console.WriteLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage calls of the worker Host on CRM-only names: {crmProcessing.PerItem:F2} per CRM message processed"));
        crmProcessing.Lines().ToList().ForEach(Console.WriteLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingress: raw enqueue {rawEnqueue:F0}/s; sustained {held.AchievedRate:F0}/s (X/R = {held.AchievedRate / rawEnqueue:F2}) for {held.Duration.TotalSeconds:F0} s; ack p50 {held.Percentile(0.5):F0} ms, p99 {held.Percentile(0.99):F0} ms, max {held.Percentile(1):F0} ms; 5xx {held.ServerErrors}; lost {lostNotifications + lostCrm}"));
        return held.ServerErrors == 0 && lostNotifications + lostCrm == 0 ? 0 : 1;
    }

    /// <summary>Queue sends per second and their median latency, 16 in flight, through an HttpClient of their own.</summary>
    private static async Task<(double Rate, double MedianMilliseconds)> OwnPoolSendsAsync(string connectionString, TimeSpan duration)
    {
        using var http = new HttpClient();
        var queue = new QueueClient(connectionString, "probe-" + Guid.NewGuid().ToString("N")[..8],
            new QueueClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(http) });
        await queue.CreateAsync();
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var sent = clock.Elapsed;
                await queue.SendMessageAsync("probe");
                latencies.Add((clock.Elapsed - sent).TotalMilliseconds);
            }
        })));
        var rate = latencies.Count / clock.Elapsed.TotalSeconds;
        await queue.DeleteAsync();
        return (rate, latencies.Order().ElementAt(latencies.Count / 2));
    }

    /// <summary>One offered rate: how it went.</summary>
    /// <param name="Duration">How long the rate was offered.</param>
    /// <param name="Elapsed">Until the last answer: longer than the duration when answers fall behind.</param>
    /// <param name="Milliseconds">Every answer's latency from when its request was due, sorted; the Graph and CRM ones apart too.</param>
    /// <param name="ServerMilliseconds">The ingress Host's own acknowledgement latency of the Graph requests (its ack_latency histogram), sorted.</param>
    private sealed record Level(
        double Rate, TimeSpan Duration, TimeSpan Elapsed, IReadOnlyList<double> Milliseconds, IReadOnlyList<double> GraphMilliseconds, IReadOnlyList<double> CrmMilliseconds,
        IReadOnlyList<double> ServerMilliseconds, int Requests, int ItemsOffered, int ItemsAccepted, int CrmAccepted, int ServerErrors, int Refused)
    {
        /// <summary>Items (notification items and CRM webhooks) acknowledged per second, until the last answer.</summary>
        public double AchievedRate => (ItemsAccepted + CrmAccepted) / Elapsed.TotalSeconds;

        /// <summary>Under the p99 target, no 5xx or failed request, and the generator kept up with the rate.</summary>
        public bool Passes => Percentile(0.99) < TargetP99Milliseconds && ServerErrors == 0 && Refused == 0 && AchievedRate >= 0.9 * Rate;

        public double Percentile(double p) => Percentile(Milliseconds, p);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"offered {Rate:F0}/s, acknowledged {AchievedRate:F0}/s over {Duration.TotalSeconds:F0} s in {Requests} requests; ack p50 {Percentile(0.5):F0} ms, p99 {Percentile(0.99):F0} ms, max {Percentile(1):F0} ms (Graph p50/p99 {Percentile(GraphMilliseconds, 0.5):F0}/{Percentile(GraphMilliseconds, 0.99):F0}, inside the Host {Percentile(ServerMilliseconds, 0.5):F0}/{Percentile(ServerMilliseconds, 0.99):F0}; CRM {Percentile(CrmMilliseconds, 0.5):F0}/{Percentile(CrmMilliseconds, 0.99):F0}); 5xx or failed {ServerErrors}, refused {Refused}");

        private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted.Count == 0 ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The offered load: notification bodies built from the simulator's mailboxes and subscriptions, CRM webhooks from its deals.</summary>
    private sealed class Load : IDisposable
    {
        private static readonly string[] Folders = ["inbox", "sentitems"];

        private readonly List<(SimSubscription Subscription, ItemCopy Copy)> _items;
        private readonly List<Func<HttpRequestMessage>> _webhooks;
        private readonly HttpClient _client;
        private readonly Random _random = new(20);
        private readonly ConcurrentBag<double> _serverMilliseconds = [];
        private readonly MeterListener _ackListener = new();
        private int _acceptedItems;
        private int _acceptedWebhooks;

        public Load(WebApplication simulator, Uri ingress, IMeterFactory ingressMeters)
        {
            _ackListener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == ingressMeters && instrument.Name == "salesfunctions.graph.notifications.ack_latency")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _ackListener.SetMeasurementEventCallback<double>((_, seconds, _, _) => _serverMilliseconds.Add(seconds * 1000));
            _ackListener.Start();
            var store = simulator.Services.GetRequiredService<MailboxStore>();
            var subscriptions = simulator.Services.GetRequiredService<SubscriptionRegistry>().All.Where(s => s.Target is { Kind: "messages" }).ToList();
            _items = [.. subscriptions.SelectMany(s => Folders.SelectMany(f => store.Items(s.Target!.Value.Mailbox, f)).Select(c => (s, c)))];
            Subscriptions = subscriptions.Count;
            _webhooks = [.. simulator.Services.GetRequiredService<CrmPlayer>().Deals.SelectMany(d => d.History.Select((_, i) =>
                (Func<HttpRequestMessage>)(() => CrmWebhookWriter.Deal(ingress, d, i, DateTimeOffset.UtcNow))))];
            _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = ingress, Timeout = TimeSpan.FromSeconds(30) };
        }

        public int Items => _items.Count;

        public int Subscriptions { get; }

        public int CrmChanges => _webhooks.Count;

        public int AcceptedItems => _acceptedItems;

        public int AcceptedWebhooks => _acceptedWebhooks;

        public async Task<Level> OfferAsync(double rate, TimeSpan duration)
        {
            var graphRate = rate * (1 - CrmShare);
            var crmRate = rate * CrmShare;
            var samples = new ConcurrentBag<(double Milliseconds, bool IsCrm)>();
            _serverMilliseconds.Clear();
            var requests = new List<Task>();
            int offered = 0, accepted = 0, crmAccepted = 0, errors = 0, refused = 0;
            var clock = Stopwatch.StartNew();
            double nextGraph = 0, nextCrm = 0;
            while (clock.Elapsed < duration)
            {
                var now = clock.Elapsed.TotalSeconds;
                while (nextGraph <= now)
                {
                    var size = (int)Math.Round(Math.Exp(_random.NextDouble() * Math.Log(100)));
                    var body = JsonSerializer.SerializeToUtf8Bytes(new { value = Enumerable.Range(0, size).Select(_ => Notification()).ToList() });
                    offered += size;
                    requests.Add(SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/graph/notifications") { Content = Json(body) }, nextGraph, isCrm: false));
                    nextGraph += size / graphRate;
                }

                for (; nextCrm <= now; nextCrm += 1 / crmRate)
                {
                    offered++;
                    requests.Add(SendAsync(_webhooks[_random.Next(_webhooks.Count)], nextCrm, isCrm: true));
                }

                await Task.Delay(2);
            }

            await Task.WhenAll(requests);
            return new Level(rate, duration, clock.Elapsed, [.. samples.Select(s => s.Milliseconds).Order()], [.. samples.Where(s => !s.IsCrm).Select(s => s.Milliseconds).Order()],
                [.. samples.Where(s => s.IsCrm).Select(s => s.Milliseconds).Order()], [.. _serverMilliseconds.Order()], requests.Count, offered, accepted, crmAccepted, errors, refused);

            async Task SendAsync(Func<HttpRequestMessage> create, double due, bool isCrm)
            {
                await Task.Yield();
                using var request = create();
                try
                {
                    using var response = await _client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    samples.Add(((clock.Elapsed.TotalSeconds - due) * 1000, isCrm));
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    else if (status >= 300)
                    {
                        Interlocked.Increment(ref refused);
                    }
                    else if (isCrm)
                    {
                        Interlocked.Increment(ref crmAccepted);
                        Interlocked.Increment(ref _acceptedWebhooks);
                    }
                    else
                    {
                        var items = JsonDocument.Parse(text).RootElement.GetProperty("accepted").GetInt32();
                        Interlocked.Add(ref accepted, items);
                        Interlocked.Add(ref _acceptedItems, items);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    samples.Add(((clock.Elapsed.TotalSeconds - due) * 1000, isCrm));
                    Interlocked.Increment(ref errors);
                }
            }
        }

        public void Dispose()
        {
            _client.Dispose();
            _ackListener.Dispose();
        }

        private Dictionary<string, object?> Notification()
        {
            var (subscription, copy) = _items[_random.Next(_items.Count)];
            return NotificationPublisher.Notification(subscription, copy, _random);
        }

        private static ByteArrayContent Json(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return content;
        }
    }

    /// <summary>What the worker Host finished: capture messages (any outcome) and CRM messages (processed or failed), from its own meter.</summary>
    private sealed class ProcessedItems : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _captured;
        private long _crmDone;

        public ProcessedItems(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name is "salesfunctions.capture.items" or "salesfunctions.crm.events")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (instrument.Name == "salesfunctions.capture.items")
                {
                    Interlocked.Add(ref _captured, value);
                    return;
                }

                foreach (var tag in tags)
                {
                    if (tag is { Key: "outcome", Value: "processed" or "failed" })
                    {
                        Interlocked.Add(ref _crmDone, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Captured => Interlocked.Read(ref _captured);

        public long CrmDone => Interlocked.Read(ref _crmDone);

        public void Dispose() => _listener.Dispose();
    }
}
