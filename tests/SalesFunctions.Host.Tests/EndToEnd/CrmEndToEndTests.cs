using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// The simulated CRM sends every deal and case change as real signed webhooks of all five providers, shuffled and
/// partly repeated, to the Host, whose queue step and rollup timer run on Azurite: the performance KPIs must equal the
/// simulator's ground truth, and sending everything again (in another order) must change nothing.
/// </summary>
public sealed class CrmEndToEndTests : IAsyncLifetime
{
    private WebApplication _simulator = null!;
    private HostUnderTest _host = null!;
    private DemoDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _simulator = SimulatorApp.Build(new SimulatorOptions { Urls = "http://127.0.0.1:0", Clock = TestClock.Provider, Days = 10 });
        await _simulator.StartAsync();
        var settings = CrmDemoConnectors.Settings(DemoOrganisation.TenantId);
        settings["Listeners:Enabled"] = "true";
        _host = await HostUnderTest.StartAsync(settings);
        _driver = new DemoDriver(_host.Client, _simulator, TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task CrmWebhooks_WhenShuffledRepeatedAndReplayed_PerformanceKpisEqualGroundTruth()
    {
        var organisation = _simulator.Services.GetRequiredService<DemoOrganisation>();
        using (var import = await _host.Client.PutAsJsonAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/directory", organisation.Directory()))
        {
            import.EnsureSuccessStatusCode();
        }

        var crm = _simulator.Services.GetRequiredService<CrmPlayer>();
        var played = await crm.PlayAsync(_host.Client, CancellationToken.None);
        var status = await _driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var (mismatches, totals) = await _driver.ComparePerformanceAsync(crm.Truth(), CancellationToken.None);

        Assert.Empty(played.Errors);
        Assert.Empty(mismatches);
        Assert.Equal(0, DemoDriver.PoisonCount(status));
        Assert.True(totals.Values.Sum(t => t.Truth[1]) > 10, "the simulated CRM should have won some deals");
        Assert.Equal(5, crm.Deals.Select(d => d.Provider).Distinct().Count());
        Assert.Empty(LogCapture.Holding(_host.Logs.Lines, RunSecrets.Of(organisation)));

        // Every CRM retries: all of it again, in another order. Nothing may change.
        var replayed = await crm.PlayAsync(_host.Client, CancellationToken.None, round: 1);
        await _driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.Empty(replayed.Errors);
        Assert.Empty((await _driver.ComparePerformanceAsync(crm.Truth(), CancellationToken.None)).Mismatches);
    }
}
