using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Calls;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// Calls through the whole pipeline (docs/calls.md): the Host subscribes to the tenant's call records, the simulator
/// notifies each Teams call record, the Host's PSTN sweep reads the PSTN log through the Graph SDK, and HubSpot call logs
/// arrive as signed webhooks, sent twice. Half the Teams calls are logged in HubSpot too and each PSTN call is in the log
/// as well: calls per rep and day must equal the simulator's ground truth, which counts each real call once.
/// </summary>
public sealed class CallsEndToEndTests : IAsyncLifetime
{
    private WebApplication _simulator = null!;
    private HostUnderTest _host = null!;
    private DemoDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _simulator = SimulatorApp.Build(new SimulatorOptions { Urls = "http://127.0.0.1:0", Clock = TestClock.Provider, Days = 4 });
        await _simulator.StartAsync();
        var hostUrl = HostUnderTest.FreeLoopbackUrl();
        var settings = CrmDemoConnectors.Settings(DemoOrganisation.TenantId);
        settings["Graph:BaseUrl"] = $"{_simulator.Urls.First()}/v1.0";
        settings["Graph:Subscriptions:NotificationUrl"] = $"{hostUrl}/api/graph/notifications";
        settings["Graph:Subscriptions:LifecycleNotificationUrl"] = $"{hostUrl}/api/graph/lifecycle";
        settings["Listeners:Enabled"] = "true";
        settings["PstnSweepSchedule"] = "*/2 * * * * *";
        settings["Calls:PstnLookbackHours"] = "2160";
        _host = await HostUnderTest.StartAsync(settings, hostUrl);
        _driver = new DemoDriver(_host.Client, _simulator, TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Calls_WhenRecordedInTeamsThePstnLogAndHubSpot_CallsPerRepEqualGroundTruthWithEachCallCountedOnce()
    {
        await _driver.ImportAndSubscribeAsync(CancellationToken.None);
        var calls = _simulator.Services.GetRequiredService<CallPlayer>();
        var registry = _simulator.Services.GetRequiredService<SubscriptionRegistry>();

        var (notified, logs) = await _driver.PlayCallsAsync(CancellationToken.None);
        var status = await _driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var (mismatches, totals) = await _driver.CompareWithTruthAsync(CancellationToken.None);

        Assert.Single(registry.All, s => s.IsCallRecords);
        Assert.Equal(calls.Calls.Count(c => c.InTeams), notified);
        Assert.Empty(logs.Errors);
        Assert.NotNull(calls.LastPstnRead);
        Assert.Empty(mismatches);
        Assert.Equal(0, DemoDriver.PoisonCount(status));

        // The ground truth is not trivial: calls in two or three places, CRM-only calls, redials, meetings and internal calls.
        Assert.Contains(calls.Calls, c => c.InTeams && c.LoggedInCrm);
        Assert.Contains(calls.Calls, c => c.Kind == SimCallKind.CrmOnly);
        Assert.Contains(calls.Calls, c => c.Kind is SimCallKind.Internal or SimCallKind.OnlineMeeting);
        var counted = calls.Calls.Count(c => c.Counts);
        Assert.Equal(counted, totals.Values.Sum(t => t.Api[5]));
        Assert.True(calls.Calls.Count(c => c.LoggedInCrm) + calls.Calls.Count(c => c.InTeams) + calls.Calls.Count(c => c.InPstnLog) > counted + 10,
            "many calls should be recorded in more than one place");
    }

    [Fact]
    public async Task StartCallCapture_WhenTheTenantHasNoDirectoryOrStartsTwice_Is404ThenOneSubscription()
    {
        using (var missing = await _host.Client.PostAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/calls", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await _driver.ImportAndSubscribeAsync(CancellationToken.None);
        using var again = await _host.Client.PostAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/calls", null);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Single(_simulator.Services.GetRequiredService<SubscriptionRegistry>().All, s => s.IsCallRecords);
        Assert.Contains("CallRecords", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
