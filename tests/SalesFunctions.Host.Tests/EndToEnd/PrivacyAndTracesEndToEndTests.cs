using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Core.Activities;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// A privacy policy made stricter on a running Host: the dry run counts exactly what the simulator's own data says it
/// should, the purge removes it from activities and KPIs, notifications that arrive again do not bring it back, and
/// the trace API explains both a captured and an excluded message.
/// </summary>
public sealed class PrivacyAndTracesEndToEndTests() : SimulatorEndToEndTest(Days(3))
{
    private const string Tenant = DemoOrganisation.TenantId;

    [Fact]
    public async Task StricterPolicy_WhenDryRunThenApplied_CountsPurgesKeepsOutOnReplayAndExplains()
    {
        var player = Simulator.Services.GetRequiredService<Player>();
        var organisation = Simulator.Services.GetRequiredService<DemoOrganisation>();
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        await player.PlayAsync(null, CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        // The busiest customer domain, and the simulator's own count of the activities that involve it.
        var emails = player.PlayedEmails.Where(e => !e.IsDraft && e.Everyone.Any(p => !p.Internal)).ToList();
        var meetings = player.PlayedMeetings.Where(m => !m.IsCancelled && m.Everyone.Any(p => !p.Internal)).ToList();
        var domain = emails.SelectMany(e => e.Everyone).Where(p => p.AccountId is not null).GroupBy(p => EmailAddresses.DomainOf(p.Email))
            .OrderByDescending(g => g.Count()).First().Key;
        bool Involves(IEnumerable<SimPerson> people) => people.Any(p => EmailAddresses.IsWithin(EmailAddresses.DomainOf(p.Email), domain));
        var expectedExcluded = emails.Count(e => Involves(e.Everyone)) + meetings.Count(m => Involves(m.Everyone));
        var policy = new { excludedDomains = new[] { domain } };

        var dryRun = await SendAsync(HttpMethod.Post, "privacy/dry-run", policy);
        Assert.Equal(emails.Count + meetings.Count, dryRun.GetProperty("activitiesScanned").GetInt32());
        Assert.Equal(expectedExcluded, dryRun.GetProperty("excluded").GetProperty("ExcludedDomain").GetInt32());
        Assert.Equal(emails.Count + meetings.Count, await Host.CountActivityRowsAsync());

        var applied = await SendAsync(HttpMethod.Put, "privacy", policy);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        Assert.Equal(expectedExcluded, applied.GetProperty("excludedTotal").GetInt32());
        Assert.Equal(emails.Count + meetings.Count - expectedExcluded, await Host.CountActivityRowsAsync());
        var truthWithout = GroundTruth.Compute(organisation, player.PlayedEmails.Where(e => !Involves(e.Everyone)).ToList(),
            player.PlayedMeetings.Where(m => !Involves(m.Everyone)).ToList());
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None, truthWithout)).Mismatches);

        // Graph delivers every notification again: the excluded items are fetched and judged by the new policy.
        await player.ReplayAsync(CancellationToken.None);
        await Driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        Assert.Equal(emails.Count + meetings.Count - expectedExcluded, await Host.CountActivityRowsAsync());
        Assert.Empty((await Driver.CompareWithTruthAsync(CancellationToken.None, truthWithout)).Mismatches);

        var kept = emails.First(e => !Involves(e.Everyone));
        var keptTrace = await TracesAsync(kept.InternetMessageId);
        Assert.Equal("captured-and-rolled-up", keptTrace.GetProperty("verdict").GetString());
        var stages = keptTrace.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("stage").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Received", "Fetched" }, stages);

        var excluded = emails.First(e => Involves(e.Everyone));
        var excludedTrace = await TracesAsync(excluded.InternetMessageId);
        Assert.Equal(("excluded", "ExcludedDomain"), (excludedTrace.GetProperty("verdict").GetString(), excludedTrace.GetProperty("reason").GetString()));
        Assert.DoesNotContain(domain, excludedTrace.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Privacy_WhenPolicyInvalidOrTenantUnknown_AnswersProblemAndKeepsTheCurrentPolicy()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);

        using var invalid = await Host.Client.PutAsJsonAsync($"api/admin/tenants/{Tenant}/privacy", new { excludedDomains = new[] { "@bad" }, subject = "Hashed" });
        using var unknown = await Host.Client.PostAsJsonAsync("api/admin/tenants/nobody/privacy/dry-run", new { });
        var current = await Host.Client.GetFromJsonAsync<JsonElement>($"api/admin/tenants/{Tenant}/privacy");

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (invalid.StatusCode, invalid.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Off", current.GetProperty("subject").GetString());
        Assert.Empty(current.GetProperty("excludedDomains").EnumerateArray());
    }

    [Fact]
    public async Task RemoveMailbox_WhenTracked_DeletesItsSubscriptionsAtGraphAndItsNotificationsNoLongerAuthenticate()
    {
        await Driver.ImportAndSubscribeAsync(CancellationToken.None);
        var registry = Simulator.Services.GetRequiredService<SubscriptionRegistry>();
        var rep = Simulator.Services.GetRequiredService<DemoOrganisation>().Reps[0];
        Assert.Equal(2, registry.All.Count(s => s.Target?.Mailbox == rep.Email));

        using var removed = await Host.Client.DeleteAsync($"api/admin/tenants/{Tenant}/mailboxes/{rep.Email}");
        using var again = await Host.Client.DeleteAsync($"api/admin/tenants/{Tenant}/mailboxes/{rep.Email}");
        using var invalid = await Host.Client.DeleteAsync($"api/admin/tenants/{Tenant}/mailboxes/not-an-address");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.DoesNotContain(registry.All, s => s.Target?.Mailbox == rep.Email);
        Assert.Equal(2 * (Simulator.Services.GetRequiredService<DemoOrganisation>().Mailboxes.Count() - 1), registry.All.Count(s => s.Target is not null));
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body)
    {
        using var response = await Host.Client.SendAsync(new HttpRequestMessage(method, $"api/admin/tenants/{Tenant}/{path}") { Content = JsonContent.Create(body) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> TracesAsync(string messageId) =>
        await Host.Client.GetFromJsonAsync<JsonElement>($"api/admin/tenants/{Tenant}/traces?messageId={Uri.EscapeDataString(messageId)}");
}
