using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Simulator.Calls;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// Calls through the whole pipeline (docs/calls.md): the Host subscribes to the tenant's call records, the simulator
/// notifies each Teams call record, the Host's PSTN sweep reads the PSTN log through the Graph SDK, and HubSpot call logs
/// arrive as signed webhooks, sent twice. Half the Teams calls are logged in HubSpot too and each PSTN call is in the log
/// as well: calls per rep and day must equal the simulator's ground truth, which counts each real call once.
/// </summary>
public sealed class CallsEndToEndTests() : SimulatorEndToEndTest(Days(4), Settings())
{
    private static Dictionary<string, string?> Settings()
    {
        var settings = CrmDemoConnectors.Settings(DemoOrganisation.TenantId);
        settings["PstnSweepSchedule"] = "*/2 * * * * *";
        settings["Calls:PstnLookbackHours"] = "2160";
        return settings;
    }

    [Fact]
    public async Task Calls_WhenRecordedInTeamsThePstnLogAndHubSpot_CallsPerRepEqualGroundTruthWithEachCallCountedOnce()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        var calls = Simulator.Services.GetRequiredService<CallPlayer>();
        var registry = Simulator.Services.GetRequiredService<SubscriptionRegistry>();

        var (notified, logs) = await Driver.PlayCallsAsync(CancellationToken.None);
        var status = await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var (mismatches, totals) = await Driver.CompareWithTruthAsync(CancellationToken.None);

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
        using (var missing = await Host.Client.PostAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/calls", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        using var again = await Host.Client.PostAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/calls", null);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Single(Simulator.Services.GetRequiredService<SubscriptionRegistry>().All, s => s.IsCallRecords);
        Assert.Contains("CallRecords", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
