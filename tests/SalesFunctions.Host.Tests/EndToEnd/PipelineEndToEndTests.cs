using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Host.Tests.Kpis;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Storage;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// Notifications in, KPI rows out: the Graph simulator posts change notifications to the real Host over HTTP, the
/// Host fetches every item through the real Graph SDK, runs the queues and the rollup timer on Azurite, and the KPI API
/// must equal the simulator's independently computed ground truth.
/// </summary>
public sealed class PipelineEndToEndTests() : SimulatorEndToEndTest(Days(5))
{
    [Fact]
    public async Task Pipeline_WhenNotificationsArriveTwiceAndFromSeveralMailboxes_KpisEqualGroundTruthAndEachActivityIsStoredOnce()
    {
        var player = Simulator.Services.GetRequiredService<Player>();
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);

        var played = await player.PlayAsync(null, CancellationToken.None);
        var status = await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var (mismatches, _) = await Driver.CompareWithTruthAsync(CancellationToken.None);

        Assert.Equal(0, played.FailedRequests);
        Assert.True(played.Duplicates > 0, "the simulator should have sent some notifications twice");
        Assert.Empty(mismatches);
        Assert.Equal(0, DemoDriver.PoisonCount(status));
        Assert.Empty(await Driver.CheckSignInAsync(CancellationToken.None));
        var organisation = Simulator.Services.GetRequiredService<DemoOrganisation>();
        Assert.NotEmpty(Host.Logs.Lines);
        Assert.Empty(LogCapture.Holding(Host.Logs.Lines, RunSecrets.Of(organisation, Simulator.Services.GetRequiredService<SubscriptionRegistry>())));
        var activityRows = await Host.CountActivityRowsAsync();
        Assert.Equal(ExpectedActivities(player), activityRows);

        // Graph retries: every notification arrives once more. Nothing may change.
        var kpisBefore = await AllRepRowsAsync();
        var replayed = await player.ReplayAsync(CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.Equal(played.Notifications, replayed.Notifications - replayed.Duplicates + played.Duplicates);
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
        Assert.Equal(activityRows, await Host.CountActivityRowsAsync());
        Assert.Equal(kpisBefore, await AllRepRowsAsync());
        await AssertTerritoryRowsNestAsync();
    }

    [Theory]
    [InlineData(429, 1)]
    [InlineData(503, 2)]
    public async Task Pipeline_WhenGraphThrottlesInAStormOnOneOrTwoInstances_StillEndsExactlyAtGroundTruth(int status, int instances)
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        using var control = new HttpClient { BaseAddress = new Uri(Simulator.Urls.First()) };

        // A second instance on the same storage competes for every queue, as a scaled-out Function app does (the timers
        // run where their lease is); scripts/chaos.sh adds kills and a third instance. Its Graph reads are counted.
        var secondReads = new GraphReadCounter();
        await using var second = instances == 2
            ? await HostUnderTest.StartAgainstSimulatorAsync(Simulator, prefix: Host.Prefix, services: secondReads.AddTo)
            : null;

        // More throttled answers than the SDK's own retries absorb: some captures fail and come back through the queue.
        (await control.PostAsJsonAsync("/sim/faults", new { throttleNextRequests = 150, retryAfterSeconds = 1, status })).EnsureSuccessStatusCode();
        var played = await Simulator.Services.GetRequiredService<Player>().PlayAsync(2, CancellationToken.None);
        var finished = await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.Equal(0, played.FailedRequests);
        Assert.Equal(0, DemoDriver.PoisonCount(finished));
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
        Assert.Equal(ExpectedActivities(Simulator.Services.GetRequiredService<Player>()), await Host.CountActivityRowsAsync());
        Assert.True(instances == 1 || secondReads.Count > 0, "the second instance took no capture from the queue");
    }

    [Fact]
    public async Task Rollup_WhenEveryDayIsRecomputedFromScratch_GivesTheRowsTheIncrementalRunsLeft()
    {
        var player = Simulator.Services.GetRequiredService<Player>();
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);

        // Play day by day so that the rollup timer recomputes days while later activities are still arriving.
        for (var days = 1; days <= 5; days++)
        {
            await player.PlayAsync(days, CancellationToken.None);
        }

        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var incremental = await AllRepRowsAsync();
        var directory = (await Host.Service<ITenantDirectoryStore>().GetAsync(DemoOrganisation.TenantId, CancellationToken.None))!;
        var rollup = Host.Service<KpiRollupService>();
        await rollup.RecomputeAllAsync(directory, directory.LocalDay(TestClock.Now), null, CancellationToken.None);

        var fromScratch = await AllRepRowsAsync();

        Assert.NotEmpty(incremental);
        Assert.Equal(incremental, fromScratch);
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
    }

    [Fact]
    public async Task Lifecycle_WhenGraphRemovesASubscription_TheHostRecreatesItAndNoActivityIsLost()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        var registry = Simulator.Services.GetRequiredService<SubscriptionRegistry>();
        var rep = Simulator.Services.GetRequiredService<DemoOrganisation>().Reps[0];
        var removed = registry.All.Single(s => s.Target == (rep.Email, "messages"));
        using var control = new HttpClient { BaseAddress = new Uri(Simulator.Urls.First()) };

        (await control.PostAsJsonAsync("/sim/lifecycle", new { subscriptionId = removed.Id, @event = "subscriptionRemoved" })).EnsureSuccessStatusCode();
        var replacement = await WaitForAsync(() => registry.All.SingleOrDefault(s => s.Target == (rep.Email, "messages")));
        await Simulator.Services.GetRequiredService<Player>().PlayAsync(null, CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.NotEqual(removed.Id, replacement.Id);
        var stored = await Host.Service<ISubscriptionStore>().ListAsync(DemoOrganisation.TenantId, CancellationToken.None);
        Assert.DoesNotContain(stored, s => s.SubscriptionId == removed.Id);
        Assert.Contains(stored, s => s.SubscriptionId == replacement.Id);
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
    }

    [Fact]
    public async Task Lifecycle_WhenReauthorizationRequired_TheHostRenewsTheSameSubscription()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        var registry = Simulator.Services.GetRequiredService<SubscriptionRegistry>();
        var subscription = registry.All.First();
        using var control = new HttpClient { BaseAddress = new Uri(Simulator.Urls.First()) };

        (await control.PostAsJsonAsync("/sim/lifecycle", new { subscriptionId = subscription.Id, @event = "reauthorizationRequired" })).EnsureSuccessStatusCode();
        var renewed = await WaitForAsync(() => registry.Find(subscription.Id) is { } s && s.ExpirationDateTime > subscription.ExpirationDateTime ? s : null);

        Assert.Equal(subscription.Id, renewed.Id);
        Assert.Equal(subscription.ClientState, renewed.ClientState);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The Host did not act on the lifecycle event within 20 s.");
    }

    /// <summary>Distinct internet messages and iCalUIds that are activities by the documented rules.</summary>
    /// <summary>One activity per real-world email or meeting with someone outside the organisation.</summary>
    internal static int ExpectedActivities(Player player) =>
        player.PlayedEmails.Count(e => !e.IsDraft && e.Everyone.Any(p => !p.Internal))
        + player.PlayedMeetings.Count(m => !m.IsCancelled && m.Everyone.Any(p => !p.Internal));

    /// <summary>
    /// The demo model (Demo/territories.json) stamped through the queues: every day, a region counts at least what
    /// each of its territories counts and at most their sum (an activity touching two counts once), and the root at
    /// most the tenant. Some demo reps work accounts outside their territories.
    /// </summary>
    private async Task AssertTerritoryRowsNestAsync()
    {
        var store = Host.Service<IKpiStore>();
        var first = Simulator.Services.GetRequiredService<SimulatorOptions>().FirstDay;
        var days = Enumerable.Range(0, 5).Select(first.AddDays).ToList();
        async Task<int[]> Touches(KpiDimension dimension, string key)
        {
            // Stored rows only exist for days with activity: line them up by day, zero where absent.
            var rows = (await store.GetSeriesAsync(DemoOrganisation.TenantId, dimension, key, KpiGrain.Day, first, first.AddDays(4), CancellationToken.None)).ToDictionary(r => r.Cell.Period.Start);
            return [.. days.Select(d => rows.TryGetValue(d, out var r) ? (int)r.Cell.Values["touchpoints"]!.Value : 0)];
        }

        var amer = await Touches(KpiDimension.Territory, "amer");
        var usLeaves = new[] { "us-enterprise", "us-east", "us-west", "us-central" };
        var leaves = await Task.WhenAll(usLeaves.Select(id => Touches(KpiDimension.Territory, id)));
        var global = await Touches(KpiDimension.Territory, "global");
        var tenant = await Touches(KpiDimension.Tenant, "all");

        Assert.True(amer.Sum() > 0, "no activity was stamped with the Americas region");
        for (var day = 0; day < days.Count; day++)
        {
            Assert.InRange(amer[day], leaves.Max(l => l[day]), leaves.Sum(l => l[day]));
            Assert.InRange(global[day], amer[day], tenant[day]);
        }

        var outside = (await store.GetSeriesAsync(DemoOrganisation.TenantId, KpiDimension.Tenant, "all", KpiGrain.Day, first, first.AddDays(4), CancellationToken.None))
            .Sum(r => r.Cell.Values.GetValueOrDefault("outsideTerritory") ?? 0);
        Assert.InRange(outside, 1, tenant.Sum());
    }

    private async Task<List<string>> AllRepRowsAsync()
    {
        var store = Host.Service<IKpiStore>();
        var rows = new List<string>();
        var first = Simulator.Services.GetRequiredService<SimulatorOptions>().FirstDay;
        foreach (var rep in Simulator.Services.GetRequiredService<DemoOrganisation>().Reps)
        {
            rows.AddRange((await store.GetSeriesAsync(DemoOrganisation.TenantId, KpiDimension.Rep, rep.RepId!, KpiGrain.Day, first, first.AddDays(4), CancellationToken.None)).Select(KpiCellText.Of));
        }

        return rows;
    }
}
