using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Simulator.Crm;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>The unmatched bucket and re-matching over real HTTP, on activities scored through the Host's own services and Azurite.</summary>
public sealed class MatchingEndpointsTests() : HostTest
{
    private const string Tenant = "tenant-m";

    [Fact]
    public async Task Rematch_WhenAContactIsImportedLater_ClaimsTheUnmatchedDomainAndTheBucketEmpties()
    {
        await ImportAsync(contacts: []);
        var at = new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);
        var email = new Activity(Tenant, "em-1", ActivityKind.Email, ActivityDirection.Inbound, at, null, null,
            [new Participant("buyer@globex.example", ParticipantRole.From, false), new Participant("ava@contoso-sales.example", ParticipantRole.To, true)]);
        await Host.Service<ScoringService>().ScoreAsync(email, CancellationToken.None);

        var before = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{Tenant}/unmatched?from=2026-10-05&to=2026-10-05");
        await ImportAsync(contacts: [new { email = "buyer@globex.example", accountId = "acc-1", title = "VP Procurement" }]);
        using var rematched = await Host.Client.PostAsync($"/api/admin/tenants/{Tenant}/directory/rematch?from=2026-10-01", null);
        var report = await rematched.Content.ReadFromJsonAsync<JsonElement>();
        var after = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{Tenant}/unmatched?from=2026-10-05&to=2026-10-05");

        var domain = Assert.Single(before.GetProperty("domains").EnumerateArray());
        Assert.Equal(("globex.example", 1), (domain.GetProperty("domain").GetString(), domain.GetProperty("activities").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, rematched.StatusCode);
        Assert.Equal(1, report.GetProperty("rewritten").GetInt32());
        Assert.Empty(after.GetProperty("domains").EnumerateArray());
        var stored = await Host.Service<Core.Kpis.IActivityStore>().ListByDayAsync(Tenant, new DateOnly(2026, 10, 5), CancellationToken.None).SingleAsync();
        Assert.Equal(("acc-1", AccountMatchMethod.Contact), (stored.Participants[0].AccountId, stored.Participants[0].MatchedBy));
    }

    [Fact]
    public async Task ImportDirectory_WhenItMapsAnUnmatchedDomain_TheRematchQueueAppliesItToHistoryWithoutBeingAsked()
    {
        await using var host = await HostUnderTest.StartAsync(new Dictionary<string, string?> { ["Listeners:Enabled"] = "true" });
        var northwind = new { id = "acc-1", name = "Northwind", domains = new[] { "northwind.example" } };
        await host.ImportDirectoryAsync(Tenant, [northwind], []);
        await ScoreGlobexEmailAsync(host, "em-2");

        await host.ImportDirectoryAsync(Tenant, [northwind, new { id = "acc-2", name = "Globex", domains = new[] { "globex.example" } }], []);

        Assert.Equal("acc-2", await RematchedAccountAsync(host));
    }

    [Fact]
    public async Task MapDomain_WhenAnUnmatchedDomainIsMappedToAnAccount_HistoryIsRematchedAndTheBucketEmpties()
    {
        await using var host = await HostUnderTest.StartAsync(new Dictionary<string, string?> { ["Listeners:Enabled"] = "true" });
        await host.ImportDirectoryAsync(Tenant, [HostUnderTest.Northwind], []);
        await ScoreGlobexEmailAsync(host, "em-3");
        var unmatched = $"/api/admin/tenants/{Tenant}/unmatched?from=2026-10-05&to=2026-10-05";
        var before = await host.Client.GetFromJsonAsync<JsonElement>(unmatched);

        using var mapped = await host.Client.PutAsync($"/api/admin/tenants/{Tenant}/directory/accounts/acc-1/domains/Globex.example", null);

        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        Assert.Equal("globex.example", Assert.Single(before.GetProperty("domains").EnumerateArray()).GetProperty("domain").GetString());
        Assert.Equal("acc-1", await RematchedAccountAsync(host));
        Assert.Empty((await host.Client.GetFromJsonAsync<JsonElement>(unmatched)).GetProperty("domains").EnumerateArray());
    }

    [Theory]
    [InlineData("acc-9", "globex.example", HttpStatusCode.NotFound)]
    [InlineData("acc-1", "not a domain", HttpStatusCode.BadRequest)]
    [InlineData("acc-1", "fabrikam.example", HttpStatusCode.BadRequest)]
    public async Task MapDomain_WhenTheAccountIsUnknownTheDomainInvalidOrClaimed_AnswersAProblemAndKeepsTheDirectory(string account, string domain, HttpStatusCode expected)
    {
        await Host.ImportDirectoryAsync(Tenant, [new { id = "acc-1", name = "Northwind", domains = new[] { "northwind.example" } }, new { id = "acc-2", name = "Fabrikam", domains = new[] { "fabrikam.example" } }], []);
        var before = await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None);

        using var response = await Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/directory/accounts/{account}/domains/{Uri.EscapeDataString(domain)}", null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await Host.Service<ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None);
        Assert.Equal(before!.Accounts.SelectMany(a => a.Domains), after!.Accounts.SelectMany(a => a.Domains));
    }

    [Fact]
    public async Task CrmWebhook_WhenItSendsTheUnmatchedSendersCompanyAndContact_TheDelayedRematchMovesTheActivity()
    {
        var settings = CrmDemoConnectors.Settings(Tenant);
        settings["Listeners:Enabled"] = "true";
        settings["Crm:RematchDelaySeconds"] = "1";
        await using var host = await HostUnderTest.StartAsync(settings);
        await host.ImportDirectoryAsync(Tenant, [HostUnderTest.Northwind], []);
        var at = new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);
        await host.Service<ScoringService>().ScoreAsync(new Activity(Tenant, "em-3", ActivityKind.Email, ActivityDirection.Inbound, at, null, null,
            [new Participant("pat@gmail.com", ParticipantRole.From, false), new Participant("ava@contoso-sales.example", ParticipantRole.To, true)]), CancellationToken.None);

        var body = """{"events":[{"id":"c1","entity":"account","recordId":"9001","occurredAt":"2026-11-01T09:00:00Z","fields":{"name":"Globex","domains":"globex.example"}},"""
            + """{"id":"c2","entity":"contact","recordId":"p1","occurredAt":"2026-11-01T09:00:00Z","fields":{"email":"pat@gmail.com","accountId":"9001","title":"CFO"}}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/crm/generic/{CrmDemoConnectors.Generic}") { Content = new StringContent(body) };
        request.Headers.Add("X-SalesFunctions-Signature", Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(CrmDemoConnectors.GenericSecret), System.Text.Encoding.UTF8.GetBytes(body))));
        using var response = await host.Client.SendAsync(request);

        // The contact's exact address places the free-mail sender (rung 1), once the delayed rematch has run.
        var store = host.Service<Core.Kpis.IActivityStore>();
        Participant? sender = null;
        for (var i = 0; i < 150 && sender?.AccountId is null; i++)
        {
            await Task.Delay(200);
            sender = (await store.ListByDayAsync(Tenant, new DateOnly(2026, 10, 5), CancellationToken.None).SingleAsync()).Participants[0];
        }

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(("9001", AccountMatchMethod.Contact), (sender!.AccountId, sender.MatchedBy));
    }

    [Theory]
    [InlineData("GET", "/api/admin/tenants/tenant-m/unmatched?from=2026-10-05", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/admin/tenants/tenant-m/unmatched?from=2026-01-01&to=2026-10-05", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/admin/tenants/nobody/unmatched?from=2026-10-05&to=2026-10-05", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/admin/tenants/tenant-m/directory/rematch", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/admin/tenants/nobody/directory/rematch?from=2026-10-05", HttpStatusCode.NotFound)]
    public async Task Matching_WhenQueryInvalidOrTenantUnknown_AnswersAProblem(string method, string url, HttpStatusCode expected)
    {
        await ImportAsync(contacts: []);

        using var response = await Host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>An email from buyer@globex.example to Ava on 2026-10-05, which no account claims yet.</summary>
    private static async Task ScoreGlobexEmailAsync(HostUnderTest host, string id) =>
        await host.Service<ScoringService>().ScoreAsync(new Activity(Tenant, id, ActivityKind.Email, ActivityDirection.Inbound, new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero), null, null,
            [new Participant("buyer@globex.example", ParticipantRole.From, false), new Participant("ava@contoso-sales.example", ParticipantRole.To, true)]), CancellationToken.None);

    /// <summary>The account the stored activity of 2026-10-05 is matched to once the background rematch has run (30 s at most).</summary>
    private static async Task<string?> RematchedAccountAsync(HostUnderTest host)
    {
        var store = host.Service<Core.Kpis.IActivityStore>();
        string? account = null;
        for (var i = 0; i < 150 && account is null; i++)
        {
            await Task.Delay(200);
            account = (await store.ListByDayAsync(Tenant, new DateOnly(2026, 10, 5), CancellationToken.None).SingleAsync()).Participants[0].AccountId;
        }

        return account;
    }

    private Task ImportAsync(object[] contacts) =>
        Host.ImportDirectoryAsync(Tenant, [HostUnderTest.Northwind], contacts);
}
