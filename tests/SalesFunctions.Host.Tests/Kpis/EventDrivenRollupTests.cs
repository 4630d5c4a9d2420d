using System.Net.Http.Json;
using System.Text.Json;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Host.Tests.Kpis;

/// <summary>
/// The event-driven rollup through the Host's real listeners on Azurite (ADR 0022): with the rollup timer set to a day
/// of the year that does not come during the test, a scored email is counted by the tenant's rollup request alone.
/// </summary>
public sealed class EventDrivenRollupTests() : HostTest(new Dictionary<string, string?>
    {
        ["Listeners:Enabled"] = "true",
        ["KpiRollupSchedule"] = "0 0 0 1 1 *",
        ["Kpis:RollupDelaySeconds"] = "1",
    })
{
    private const string Tenant = "tenant-m";

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [HostUnderTest.Northwind], []);
    }

    [Fact]
    public async Task Score_WhenTheTimerDoesNotRun_TheRollupRequestCountsTheEmail()
    {
        var at = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        var email = new Activity(Tenant, "mail-1", ActivityKind.Email, ActivityDirection.Inbound, at, null, null,
            [new Participant("kim@northwind.example", ParticipantRole.From, false), new Participant("ava@contoso-sales.example", ParticipantRole.To, true)]);

        await Host.Service<ScoringService>().ScoreAsync(email, CancellationToken.None);

        // Polled, not timed: the assertion is that it is counted at all without the timer; the bound only ends a broken run.
        var received = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (received == 0 && !deadline.IsCancellationRequested)
        {
            await Task.Delay(250, CancellationToken.None);
            var body = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/kpis?tenant={Tenant}&rep=rep-01&from=2026-10-05&to=2026-10-05");
            received = body.GetProperty("series")[0].GetProperty("emailsReceived").GetInt32();
        }

        Assert.Equal(1, received);
        using var status = Host.AdminClientOf(Tenant);
        var dirty = (await status.GetFromJsonAsync<JsonElement>("/api/admin/status")).GetProperty("dirtyDays").GetInt32();
        Assert.Equal(0, dirty);
    }
}
