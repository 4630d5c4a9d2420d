using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Core.Capture;
using SalesFunctions.Simulator.Calls;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Graph.Tests;

/// <summary>
/// The real Microsoft.Graph SDK reading Teams call records and the PSTN log from the simulator over HTTP: no call
/// record example with a phone or federated participant is published, so the simulator serves them in the documented
/// schema (docs/calls.md).
/// </summary>
public sealed class GraphCallRecordReaderTests : IAsyncLifetime
{
    private readonly SimulatedGraph _graph = new();
    private CallPlayer _calls = null!;

    public async Task InitializeAsync()
    {
        await _graph.InitializeAsync();
        _calls = _graph.Simulator.Services.GetRequiredService<CallPlayer>();

        // Played against the simulator itself: no Host takes the HubSpot logs here, only the Graph side is read.
        using var nowhere = new HttpClient { BaseAddress = new Uri(_graph.BaseUrl) };
        await _calls.PlayAsync(nowhere, _graph.Simulator.Services.GetRequiredService<NotificationPublisher>(), CancellationToken.None);
    }

    public Task DisposeAsync() => _graph.DisposeAsync();

    [Fact]
    public async Task GetCallRecordAsync_WhenAPhoneCall_MapsTheRepByObjectIdAndUpnAndTheNumberOnlyAskingForParticipants()
    {
        var call = _calls.Calls.First(c => c.Kind == SimCallKind.Phone && !c.Inbound);

        var record = (await Reader.GetCallRecordAsync(DemoOrganisation.TenantId, call.Id, CancellationToken.None))!;

        Assert.Equal((call.Id, "peerToPeer", (string?)null, call.Start, call.End), (record.Id, record.Type, record.JoinWebUrl, record.Start!.Value, record.End!.Value));
        Assert.Equal(["audio"], record.Modalities);
        Assert.Equal(new CallIdentity(CallIdentityKind.User, call.Rep.UserId, null, DemoOrganisation.TenantId), record.Organizer! with { UserPrincipalName = null });
        Assert.Equal(
            [new CallIdentity(CallIdentityKind.User, call.Rep.UserId, call.Rep.Email, DemoOrganisation.TenantId), new CallIdentity(CallIdentityKind.Phone, call.Other.Phone)],
            record.Participants);
        var query = Uri.UnescapeDataString(Assert.Single(_graph.Recorder.Requests).Uri.Query);
        Assert.Contains("$expand=participants_v2", query, StringComparison.Ordinal);
        Assert.DoesNotContain("sessions", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCallRecordAsync_WhenAMeetingOrAFederatedCallOrGone_GivesTheJoinUrlTheUpnOrNull()
    {
        var meeting = _calls.Calls.First(c => c.Kind == SimCallKind.OnlineMeeting);
        var federated = _calls.Calls.First(c => c.Kind == SimCallKind.Federated);

        var meetingRecord = await Reader.GetCallRecordAsync(DemoOrganisation.TenantId, meeting.Id, CancellationToken.None);
        var federatedRecord = await Reader.GetCallRecordAsync(DemoOrganisation.TenantId, federated.Id, CancellationToken.None);

        Assert.Equal("groupCall", meetingRecord!.Type);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", meetingRecord.JoinWebUrl, StringComparison.Ordinal);
        Assert.Equal(["audio", "video"], federatedRecord!.Modalities);
        Assert.Contains(federatedRecord.Participants, p => p.UserPrincipalName == federated.Other.Email && p.TenantId != DemoOrganisation.TenantId);
        Assert.Null(await Reader.GetCallRecordAsync(DemoOrganisation.TenantId, "no-such-call", CancellationToken.None));
    }

    [Fact]
    public async Task GetPstnCallsAsync_WhenAWindowIsAsked_GivesEveryPhoneCallThatStartedInItWithItsNumbersAndDuration()
    {
        var first = _calls.Calls.Where(c => c.InPstnLog).Min(c => c.Start);
        var (from, to) = (first, first.AddDays(1));

        var rows = await Reader.GetPstnCallsAsync(DemoOrganisation.TenantId, from, to, CancellationToken.None).ToListAsync();

        var expected = _calls.Calls.Where(c => c.InPstnLog && c.Start >= from && c.Start <= to).ToList();
        Assert.Equal(expected.Count, rows.Count);
        var call = expected[0];
        var row = rows.Single(r => r.CallId == "1f" + call.Id);
        Assert.Equal((call.Rep.UserId, call.Rep.Email, call.Start, call.Minutes * 60, call.Inbound ? "user_in" : "user_out", call.Other.Phone),
            (row.UserId, row.UserPrincipalName, row.Start!.Value, row.DurationSeconds!.Value, row.CallType, call.Inbound ? row.CallerNumber : row.CalleeNumber));
    }

    private GraphCallRecordReader Reader => new(_graph.Get<GraphServiceClients>());
}
