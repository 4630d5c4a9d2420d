using System.Diagnostics;
using System.Globalization;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Core.Security;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// How long after Graph notifies a new email its rep's KPI counts it, under the default production settings (the rollup
/// timer every 5 minutes, the event-driven rollup after 5 seconds; ADR 0022). The demo organisation's 30 days are
/// captured first, so every rollup recomputes real week, month and quarter cells; then stamped emails from customers
/// arrive one by one, round robin over the reps, while a poller reads the day's KPIs of every rep through the API.
/// </summary>
internal static class FreshnessBenchmark
{
    /// <param name="Calls">The Host's storage calls while the stamped emails arrived and were rolled up, less the poller's own reads.</param>
    public sealed record Result(int Items, int Counted, IReadOnlyList<double> LatenciesSeconds, int Mismatches, IReadOnlyDictionary<StorageCall, long> Calls, IReadOnlyDictionary<StorageCall, long> BatchEntities)
    {
        public double Percentile(double p) => LatenciesSeconds.Count == 0 ? double.NaN
            : LatenciesSeconds.Order().ElementAt(Math.Min(LatenciesSeconds.Count - 1, (int)Math.Ceiling(p * LatenciesSeconds.Count) - 1));
    }

    public static async Task<Result> RunAsync(string connectionString, int items, TimeSpan interval, Action<string> progress)
    {
        await using var simulator = SimulatorApp.Build(new SimulatorOptions { Urls = "http://127.0.0.1:0", Days = 30 });
        await simulator.StartAsync();
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        var player = simulator.Services.GetRequiredService<Player>();
        await player.PlayAsync(null, CancellationToken.None, notify: false);

        var hostUrl = DeltaBackfillBenchmark.FreeLoopbackUrl();
        var prefix = "fresh" + Guid.NewGuid().ToString("N")[..6];
        // The production schedule (appsettings.json has every 5 minutes) and the default request delay.
        await using var host = await DeltaBackfillBenchmark.StartHostAsync(connectionString, prefix, hostUrl, simulator.Urls.First(),
            new Dictionary<string, string?> { ["KpiRollupSchedule"] = "0 */5 * * * *" });
        using var client = new HttpClient { BaseAddress = new Uri(hostUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            host.Services.GetRequiredService<DevelopmentIssuer>().Issue(DemoOrganisation.TenantId, CallerRole.Admin, "bench-admin", "bench-admin@bench.example", "Benchmark"));
        var driver = new DemoDriver(client, simulator, TimeSpan.FromMinutes(20));
        await driver.ImportAndSubscribeAsync(CancellationToken.None);
        await driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        progress($"history captured: {organisation.Emails.Count:N0} emails of {organisation.Reps.Count} reps; now {items} stamped emails, one every {interval.TotalMilliseconds:F0} ms");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var baseCounts = await ReceivedTodayAsync(client, today);

        // What one poll costs in storage calls, measured on the idle Host, so that the polls can be taken out of the count.
        var counter = host.Services.GetRequiredService<StorageCallCounter>();
        var calibration = counter.Snapshot();
        const int CalibrationPolls = 10;
        for (var i = 0; i < CalibrationPolls; i++)
        {
            await ReceivedTodayAsync(client, today);
        }

        var perPoll = counter.Since(calibration).ToDictionary(c => c.Key, c => (double)c.Value / CalibrationPolls);

        // What the idle Host costs: listeners polling their queues, timers; the floor of every deployment's bill.
        var idleFrom = counter.Snapshot();
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(20));
        var idle = new PathCalls(counter.Since(idleFrom), idleClock.Elapsed.TotalSeconds, "second idle");
        progress(string.Create(CultureInfo.InvariantCulture, $"idle Host: {idle.PerItem:F2} storage calls per second"));
        idle.Lines().ToList().ForEach(progress);
        var polls = 0;
        var before = counter.Snapshot();
        var entitiesBefore = counter.BatchEntities();
        var pending = new List<(string RepId, int Needed, long SentAt)>();
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var counts = await ReceivedTodayAsync(client, today);
                Interlocked.Increment(ref polls);
                var now = clock.ElapsedTicks;
                lock (pending)
                {
                    foreach (var item in pending.Where(p => counts.GetValueOrDefault(p.RepId) >= p.Needed).ToList())
                    {
                        latencies.Add((double)(now - item.SentAt) / Stopwatch.Frequency);
                        pending.Remove(item);
                    }
                }

                await Task.Delay(200, CancellationToken.None);
            }
        });

        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items; i++)
        {
            var rep = organisation.Reps[i % organisation.Reps.Count];
            var customer = organisation.Contacts[(i * 7) % organisation.Contacts.Count];
            var email = new SimEmail($"<fresh-{prefix}-{i}@bench.example>", $"fresh-{prefix}-{i}", "Stamped", customer, [rep], [], DateTimeOffset.UtcNow, IsDraft: false);
            sent[rep.RepId!] = sent.GetValueOrDefault(rep.RepId!) + 1;
            lock (pending)
            {
                pending.Add((rep.RepId!, baseCounts.GetValueOrDefault(rep.RepId!) + sent[rep.RepId!], clock.ElapsedTicks));
            }

            await player.DeliverAsync(email, CancellationToken.None);
            await Task.Delay(interval, CancellationToken.None);
        }

        // Whatever is not counted within the timer's period plus a margin is reported as not counted.
        var deadline = clock.Elapsed + TimeSpan.FromMinutes(6);
        while (clock.Elapsed < deadline)
        {
            lock (pending)
            {
                if (pending.Count == 0)
                {
                    break;
                }
            }

            await Task.Delay(500, CancellationToken.None);
        }

        await stop.CancelAsync();
        await poller;
        var calls = counter.Since(before)
            .Select(c => (c.Key, Count: c.Value - (long)Math.Round(perPoll.GetValueOrDefault(c.Key) * polls)))
            .Where(c => c.Count > 0).ToDictionary(c => c.Key, c => c.Count);
        var (mismatches, _) = await driver.CompareWithTruthAsync(CancellationToken.None);
        return new Result(items, latencies.Count, latencies, mismatches.Count, calls, counter.BatchEntitiesSince(entitiesBefore));
    }

    /// <summary>emailsReceived of every rep on one day, from one CSV export of the day.</summary>
    private static async Task<Dictionary<string, int>> ReceivedTodayAsync(HttpClient client, DateOnly day)
    {
        var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = await client.GetStringAsync($"api/kpis/export?tenant={DemoOrganisation.TenantId}&dimension=rep&grain=day&from={text}&to={text}");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "emailsReceived");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[1], f => int.Parse(f[column], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}
