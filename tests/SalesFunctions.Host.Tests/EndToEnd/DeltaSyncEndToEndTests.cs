using System.Net.Http.Json;
using SalesFunctions.Core.Sync;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Storage;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// The safety net: when notifications never arrive, delta sync alone must capture every activity, and an expired
/// cursor must lead to a full resync that adds nothing twice.
/// </summary>
public sealed class DeltaSyncEndToEndTests() : SimulatorEndToEndTest(FromFiveWeeksBack(), new Dictionary<string, string?>
{
    // Small pages and short runs, so that rounds span several pages and continue in new queue messages.
    ["Sync:PageSize"] = "3",
    ["Sync:MaxPagesPerRun"] = "3",
})
{
    private HttpClient _control = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _control = new HttpClient { BaseAddress = new Uri(Simulator.Urls.First()) };
    }

    public override async Task DisposeAsync()
    {
        _control.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Monday to Thursday five weeks back: both rounds of the between-rounds test (two days, then two) hold working
    /// days, whatever day the suite runs on.
    /// </summary>
    private static SimulatorOptions FromFiveWeeksBack()
    {
        var fiveWeeksBack = TestClock.Today.AddDays(-35);
        var monday = fiveWeeksBack.AddDays(-(((int)fiveWeeksBack.DayOfWeek + 6) % 7));
        return new SimulatorOptions { Urls = "http://127.0.0.1:0", Clock = TestClock.Provider, FirstDay = monday, Days = 4 };
    }

    [Fact]
    public async Task Sweep_WhenNoNotificationArrives_CapturesEverythingAndAResyncAfterExpiredCursorsAddsNothing()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        (await _control.PostAsync("/sim/play?notify=false", null)).EnsureSuccessStatusCode();

        await Host.Service<SyncScheduler>().SweepAsync(CancellationToken.None);
        var status = await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.Equal(0, DemoDriver.PoisonCount(status));
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
        var states = await Host.Service<ISyncStateStore>().ListAsync(DemoOrganisation.TenantId, CancellationToken.None);
        var mailboxes = Simulator.Services.GetRequiredService<DemoOrganisation>().Mailboxes.Count();
        // Per mailbox: Inbox, Sent Items, the calendar, the folder discovery, and the filed Archive, Customers and Deals.
        Assert.Equal(mailboxes * (SyncFolders.All.Count + 3), states.Count);
        Assert.All(states, s => Assert.Equal(SyncStatus.Synced, s.Status));
        var shown = await Host.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/tenants/{DemoOrganisation.TenantId}/sync");
        Assert.Equal(states.Count, shown.GetArrayLength());
        Assert.All(shown.EnumerateArray(), s => Assert.Equal("Synced", s.GetProperty("status").GetString()));
        var rows = await Host.CountActivityRowsAsync();

        // Exchange evicts delta tokens: the next sweep meets 410 syncStateNotFound everywhere and starts over.
        (await _control.PostAsJsonAsync("/sim/faults", new { expireDeltaTokens = true })).EnsureSuccessStatusCode();
        await Host.Service<SyncScheduler>().SweepAsync(CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
        Assert.Equal(rows, await Host.CountActivityRowsAsync());
        var resynced = await Host.Service<ISyncStateStore>().ListAsync(DemoOrganisation.TenantId, CancellationToken.None);
        Assert.All(resynced, s => Assert.Equal(SyncStatus.Synced, s.Status));
        Assert.All(resynced.Where(s => s.Folder != SyncFolders.Discover),
            s => Assert.True(s.ItemsSeen >= states.Single(o => o.Mailbox == s.Mailbox && o.Folder == s.Folder).ItemsSeen * 2));
    }

    [Fact]
    public async Task Sweep_WhenNewMailArrivesBetweenRounds_FetchesOnlyTheChanges()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);

        // The initial sync of the empty mailboxes first, so that each round below is counted alone.
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        (await _control.PostAsync("/sim/play?days=2&notify=false", null)).EnsureSuccessStatusCode();
        await Host.Service<SyncScheduler>().SweepAsync(CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var firstRound = (await Host.Service<ISyncStateStore>().ListAsync(DemoOrganisation.TenantId, CancellationToken.None))
            .Where(s => s.Folder != SyncFolders.Discover).Sum(s => s.ItemsSeen);

        var before = ItemsInSyncedFolders();
        (await _control.PostAsync("/sim/play?notify=false", null)).EnsureSuccessStatusCode();
        var added = ItemsInSyncedFolders() - before;
        await Host.Service<SyncScheduler>().SweepAsync(CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        var bothRounds = (await Host.Service<ISyncStateStore>().ListAsync(DemoOrganisation.TenantId, CancellationToken.None))
            .Where(s => s.Folder != SyncFolders.Discover).Sum(s => s.ItemsSeen);
        Assert.True(added > 100, $"only {added} items were added");
        Assert.Equal(added, bothRounds - firstRound);
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
    }

    [Fact]
    public async Task Onboarding_WhenHistoryWasFiledAndMailIsFiledOrDeletedLater_CountsEveryEmailOnce()
    {
        // History before onboarding: a third of each Inbox and Sent Items already filed into the user's own folders.
        (await _control.PostAsync("/sim/play?notify=false", null)).EnsureSuccessStatusCode();
        (await _control.PostAsync("/sim/tidy?file=0.3&delete=0&notify=false", null)).EnsureSuccessStatusCode();

        // Onboarding alone (no sweep) must find the history wherever it is filed.
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
        var rows = await Host.CountActivityRowsAsync();
        Assert.Equal(PipelineEndToEndTests.ExpectedActivities(Simulator.Services.GetRequiredService<Player>()), rows);

        // Later, users file more and delete some: removals in Inbox and Sent Items, new items in the filed folders.
        var tidied = await (await _control.PostAsync("/sim/tidy?file=0.2&delete=0.2&notify=false", null)).Content.ReadFromJsonAsync<PublishSummary>();
        await Host.Service<SyncScheduler>().SweepAsync(CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.True(tidied!.ItemsWritten > 100, $"only {tidied.ItemsWritten} items moved");
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches);
        Assert.Equal(rows, await Host.CountActivityRowsAsync());
    }

    /// <summary>Items delta can see: everything but Drafts, Deleted Items and the other folders of Outlook's own.</summary>
    private int ItemsInSyncedFolders()
    {
        var store = Simulator.Services.GetRequiredService<MailboxStore>();
        string[] folders = [SyncFolders.Inbox, SyncFolders.SentItems, SyncFolders.Calendar, "archive", .. MailboxStore.FiledFolders];
        return Simulator.Services.GetRequiredService<DemoOrganisation>().Mailboxes.Sum(m => folders.Sum(f => store.Items(m.Email, f).Count));
    }

    [Fact]
    public async Task Sweep_WhenTheHostStopsMidWalkAndRestarts_ResumesAndEndsExactlyAtGroundTruth()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        (await _control.PostAsync("/sim/play?notify=false", null)).EnsureSuccessStatusCode();
        (await _control.PostAsJsonAsync("/sim/faults", new { delayMs = 20 })).EnsureSuccessStatusCode();
        await Host.Service<SyncScheduler>().SweepAsync(CancellationToken.None);

        // Stop the Host while folders are half walked: their cursors point into the middle of a round.
        var states = Host.Service<ISyncStateStore>();
        for (var i = 0; i < 100 && !(await states.ListAsync(DemoOrganisation.TenantId, CancellationToken.None)).Any(s => s.Status == SyncStatus.Walking); i++)
        {
            await Task.Delay(50);
        }

        var prefix = await StopHostAsync();
        var interrupted = await new HostStorageProbe(prefix).SyncStatesAsync();
        (await _control.PostAsJsonAsync("/sim/faults", new { delayMs = 0 })).EnsureSuccessStatusCode();
        await StartHostAsync(prefix);
        await Host.Service<SyncScheduler>().SweepAsync(CancellationToken.None);

        // Folders left half walked resume from their saved cursors; the sweep re-drives them all. A graceful stop
        // finishes every message it had leased (including those of a receive still in flight), so none waits out its
        // ten-minute lease.
        var status = await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var mismatches = (await Driver.CompareWithTruthAsync(CancellationToken.None)).Mismatches;

        Assert.Contains(interrupted, s => s.Status != SyncStatus.Synced);
        Assert.Equal(0, DemoDriver.PoisonCount(status));
        Assert.Empty(mismatches);
        Assert.All(await Host.Service<ISyncStateStore>().ListAsync(DemoOrganisation.TenantId, CancellationToken.None), s => Assert.Equal(SyncStatus.Synced, s.Status));
    }
}
