using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Host.Tests.Kpis;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Cli;

/// <summary>
/// salesfn kpis recompute as a real process against a Host's storage. The Host's rollup timer never fires here, so the
/// only cells in the kpis table are the ones the command wrote; they must be the cells the rollup service computes
/// in-process from the same stored activities.
/// </summary>
public sealed class KpiRecomputeCommandTests() : HostTest(new Dictionary<string, string?> { ["KpiRollupSchedule"] = "0 0 0 1 1 *" })
{
    private const string Tenant = "recompute-tenant";
    private const string Rep = "ava@contoso-sales.example";
    private const string Buyer = "buyer@fabrikam.example";

    // Last month, so that every day is in the past whenever the test runs, and the month is complete.
    private static readonly DateOnly Month = new DateOnly(TestClock.Today.Year, TestClock.Today.Month, 1).AddMonths(-1);
    private static readonly DateOnly Today = TestClock.Today;

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [new { id = "acc-1", name = "Fabrikam", domains = new[] { "fabrikam.example" } }], []);

        // Six outbound emails, one reply from the buyer and a meeting, over three days of the month.
        var activities = new List<Activity>();
        foreach (var (day, sent) in new[] { (2, 2), (3, 1), (9, 3) })
        {
            for (var i = 0; i < sent; i++)
            {
                activities.Add(Email($"out-{day}-{i}", ActivityDirection.Outbound, At(day, 9 + i), $"thread-{day}"));
            }
        }

        activities.Add(Email("in-2", ActivityDirection.Inbound, At(2, 15), "thread-2"));
        activities.Add(new Activity(Tenant, "meeting-3", ActivityKind.Meeting, ActivityDirection.Outbound, At(3, 14), At(3, 15), null,
            [new(Rep, ParticipantRole.Organizer, true), new(Buyer, ParticipantRole.Attendee, false, AccountId: "acc-1", MatchedBy: AccountMatchMethod.Domain)]));
        var store = Host.Service<IActivityStore>();
        foreach (var activity in activities)
        {
            var day = DateOnly.FromDateTime(activity.OccurredAt.UtcDateTime);
            await store.WriteAsync(activity, day, CancellationToken.None);
            await store.CommitAsync(activity, day, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Recompute_WhenRunWithoutFrom_StoresTheCellsTheRollupComputesInProcess()
    {
        var (exit, output) = await Salesfn.RunAsync(Host, "kpis", "recompute", "--tenant", Tenant);
        var fromCli = await StoredCellsAsync();

        var directory = (await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None))!;
        await Host.Service<KpiRollupService>().RecomputeAllAsync(directory, directory.LocalDay(TestClock.Now), null, CancellationToken.None);
        var inProcess = await StoredCellsAsync();

        Assert.True(exit == 0, output);
        Assert.Matches(@"\d+ cells written in \d+\.\d s", output);
        Assert.Contains("days read", output, StringComparison.Ordinal);
        Assert.NotEmpty(fromCli);
        Assert.Equal(inProcess, fromCli);

        var outbound = await Host.Service<IActivityStore>().ListBetweenAsync(Tenant, Month, Today, CancellationToken.None)
            .CountAsync(a => a.Activity is { Kind: ActivityKind.Email, Direction: ActivityDirection.Outbound });
        var days = await SeriesAsync(KpiGrain.Day);
        var month = Assert.Single(await SeriesAsync(KpiGrain.Month), c => c.Cell.Period.Start == Month);
        Assert.Equal(6, outbound);
        Assert.Equal(outbound, month.Cell.Values["emailsSent"]);
        Assert.Equal(outbound, days.Sum(d => d.Cell.Values["emailsSent"]));
        Assert.Equal(KpiCatalogue.Version, month.DefinitionVersion);
    }

    [Fact]
    public async Task Recompute_WhenGivenADayRange_WritesOnlyThePeriodsOverlappingIt()
    {
        var ninth = Month.AddDays(8);

        var (exit, output) = await Salesfn.RunAsync(Host, "kpis", "recompute", "--tenant", Tenant, "--from", $"{ninth:yyyy-MM-dd}", "--to", $"{ninth:yyyy-MM-dd}");

        Assert.True(exit == 0, output);
        var day = Assert.Single(await SeriesAsync(KpiGrain.Day));
        Assert.Equal((ninth, 3m), (day.Cell.Period.Start, day.Cell.Values["emailsSent"]));
        var month = Assert.Single(await SeriesAsync(KpiGrain.Month));
        Assert.Equal(6m, month.Cell.Values["emailsSent"]);
    }

    [Fact]
    public async Task Recompute_WhenTheTenantHasNoDirectory_SaysSoAndExits2()
    {
        var (exit, output) = await Salesfn.RunAsync(Host, "kpis", "recompute", "--tenant", "nobody");

        Assert.Equal(2, exit);
        Assert.Contains("'nobody' has no directory", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(int dayOfMonth, int hour) =>
        new(Month.AddDays(dayOfMonth - 1).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static Activity Email(string id, ActivityDirection direction, DateTimeOffset at, string conversation)
    {
        var (from, to) = direction == ActivityDirection.Outbound ? (Rep, Buyer) : (Buyer, Rep);
        return new Activity(Tenant, id, ActivityKind.Email, direction, at, null, conversation,
        [
            new(from, ParticipantRole.From, from == Rep, AccountId: from == Rep ? null : "acc-1", MatchedBy: from == Rep ? null : AccountMatchMethod.Domain),
            new(to, ParticipantRole.To, to == Rep, AccountId: to == Rep ? null : "acc-1", MatchedBy: to == Rep ? null : AccountMatchMethod.Domain),
        ]);
    }

    private async Task<IReadOnlyList<StoredKpiCell>> SeriesAsync(KpiGrain grain) =>
        await Host.Service<IKpiStore>().GetSeriesAsync(Tenant, KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, grain, Month.AddDays(-7), Today, CancellationToken.None);

    /// <summary>The tenant's and the rep's cells of every grain, as text (the computed-at time aside).</summary>
    private async Task<List<string>> StoredCellsAsync()
    {
        var store = Host.Service<IKpiStore>();
        var cells = new List<string>();
        foreach (var (dimension, key) in new[] { (KpiDimension.Tenant, KpiDefinitions.TenantTotalKey), (KpiDimension.Rep, "rep-01"), (KpiDimension.Account, "acc-1") })
        {
            foreach (var grain in Enum.GetValues<KpiGrain>())
            {
                cells.AddRange((await store.GetSeriesAsync(Tenant, dimension, key, grain, Month.AddYears(-1), Today, CancellationToken.None)).Select(KpiCellText.Of));
            }
        }

        return cells;
    }
}
