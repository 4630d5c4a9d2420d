using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// The simulated CRM sends every deal and case change as real signed webhooks of all five providers, shuffled and
/// partly repeated, to the Host, whose queue step and rollup timer run on Azurite: the performance KPIs must equal the
/// simulator's ground truth, and sending everything again (in another order) must change nothing.
/// </summary>
public sealed class CrmEndToEndTests() : SimulatorEndToEndTest(Days(10), CrmDemoConnectors.Settings(DemoOrganisation.TenantId))
{
    [Fact]
    public async Task CrmWebhooks_WhenShuffledRepeatedAndReplayed_PerformanceKpisEqualGroundTruth()
    {
        var organisation = Simulator.Services.GetRequiredService<DemoOrganisation>();
        using (var import = await Host.Client.PutAsJsonAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/directory", organisation.Directory()))
        {
            import.EnsureSuccessStatusCode();
        }

        var crm = Simulator.Services.GetRequiredService<CrmPlayer>();
        var played = await crm.PlayAsync(Host.Client, CancellationToken.None);
        var status = await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var (mismatches, totals) = await Driver.ComparePerformanceAsync(crm.Truth(), CancellationToken.None);

        Assert.Empty(played.Errors);
        Assert.Empty(mismatches);
        Assert.Equal(0, DemoDriver.PoisonCount(status));
        Assert.True(totals.Values.Sum(t => t.Truth[1]) > 10, "the simulated CRM should have won some deals");
        Assert.Equal(5, crm.Deals.Select(d => d.Provider).Distinct().Count());
        Assert.Empty(LogCapture.Holding(Host.Logs.Lines, RunSecrets.Of(organisation)));

        // Every CRM retries: all of it again, in another order. Nothing may change.
        var replayed = await crm.PlayAsync(Host.Client, CancellationToken.None, round: 1);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.Empty(replayed.Errors);
        Assert.Empty((await Driver.ComparePerformanceAsync(crm.Truth(), CancellationToken.None)).Mismatches);
    }
}
