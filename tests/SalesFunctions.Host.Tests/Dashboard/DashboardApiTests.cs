using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Host.Tests.Dashboard;

/// <summary>The routes the dashboard added to the API: who the caller is, and the KPI catalogue it links names to.</summary>
public sealed class DashboardApiTests() : HostTest
{
    private const string Tenant = "tenant-m";

    protected override async Task SeedAsync()
    {
        var directory = new
        {
            internalDomains = new[] { "contoso-sales.example" },
            timeZone = "Europe/Paris",
            teams = new[]
            {
                new { id = "team-east", name = "East", managers = new[] { "mia@contoso-sales.example" } },
                new { id = "team-west", name = "West", managers = new[] { "wes@contoso-sales.example" } },
            },
            reps = new[]
            {
                new { id = "rep-01", email = "ava@contoso-sales.example", name = "Ava", teamId = "team-east" },
                new { id = "rep-02", email = "ben@contoso-sales.example", name = "Ben", teamId = "team-east" },
                new { id = "rep-03", email = "cy@contoso-sales.example", name = "Cy", teamId = "team-west" },
            },
            accounts = Array.Empty<object>(),
            contacts = Array.Empty<object>(),
        };
        using var response = await Host.Client.PutAsJsonAsync($"/api/admin/tenants/{Tenant}/directory", directory);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Caller_WhenAManagerCalls_ListsOnlyTheTeamsTheyManageAndTheirReps()
    {
        var me = await GetAsync("/api/me", Host.Token(Tenant, CallerRole.Manager, "mia@contoso-sales.example"));

        Assert.Equal("manager", me.GetProperty("role").GetString());
        Assert.Equal("Europe/Paris", me.GetProperty("timeZone").GetString());
        Assert.Equal(["team-east"], Ids(me, "teams"));
        Assert.Equal(["rep-01", "rep-02"], Ids(me, "reps"));
        Assert.Equal(JsonValueKind.Null, me.GetProperty("rep").ValueKind);
    }

    [Fact]
    public async Task Caller_WhenARepCalls_NamesTheirOwnRepIdAndNoOneElse()
    {
        var me = await GetAsync("/api/me", Host.Token(Tenant, CallerRole.Rep, "ben@contoso-sales.example"));

        Assert.Equal("rep", me.GetProperty("role").GetString());
        Assert.Equal("rep-02", me.GetProperty("rep").GetString());
        Assert.Equal(["rep-02"], Ids(me, "reps"));
        Assert.Empty(Ids(me, "teams"));
    }

    [Fact]
    public async Task Caller_WhenAnAdminCalls_ListsEveryTeamAndRep()
    {
        var me = await GetAsync("/api/me", Host.Token(Tenant, CallerRole.Admin));

        Assert.Equal(["team-east", "team-west"], Ids(me, "teams"));
        Assert.Equal(["rep-01", "rep-02", "rep-03"], Ids(me, "reps"));
    }

    [Fact]
    public async Task Catalogue_WhenARepReadsIt_ListsEveryKpiWithItsFormulaAndUnit()
    {
        var catalogue = await GetAsync("/api/kpis/catalogue", Host.Token(Tenant, CallerRole.Rep, "ava@contoso-sales.example"));

        var kpis = catalogue.GetProperty("kpis").EnumerateArray().ToList();
        Assert.Equal(KpiCatalogue.Definitions.Select(d => d.Name), kpis.Select(k => k.GetProperty("name").GetString()));
        var revenue = kpis.Single(k => k.GetProperty("name").GetString() == "revenueWon");
        Assert.Equal(KpiCatalogue.Definitions.Single(d => d.Name == "revenueWon").Formula, revenue.GetProperty("formula").GetString());
        Assert.Equal("performance", revenue.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Root_WhenTheDashboardIsBuilt_ServesItsPageWithAPolicyThatAllowsOnlyItsOwnScripts()
    {
        using var client = Host.AnonymousClient();
        using var response = await client.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<main id=\"main\"", page, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_WhenTheDevelopmentIssuerIsOn_NamesItsTokenEndpointAndTheSwitchersTenant()
    {
        using var client = Host.AnonymousClient();
        var config = await client.GetFromJsonAsync<JsonElement>("/dashboard-config.json");

        Assert.Equal("development", config.GetProperty("signIn").GetString());
        Assert.Equal("/dev/token", config.GetProperty("tokenUrl").GetString());
        Assert.Contains(config.GetProperty("tenant").GetString(), HostUnderTest.Tenants);
    }

    [Fact]
    public async Task Config_WhenMsalIsConfigured_GivesTheClientAuthorityAndScopeAndLetsTheAuthorityBeFramed()
    {
        await using var host = await HostUnderTest.StartAsync(new Dictionary<string, string?>
        {
            ["Dashboard:SignIn"] = "Msal",
            ["Dashboard:ClientId"] = "00000000-0000-0000-0000-00000000d45b",
            ["Dashboard:Authority"] = "https://login.microsoftonline.com/organizations",
            ["Dashboard:Scope"] = "api://salesfunctions/user_impersonation",
        });
        using var client = host.AnonymousClient();

        var config = await client.GetFromJsonAsync<JsonElement>("/dashboard-config.json");
        using var page = await client.GetAsync("/");

        Assert.Equal("msal", config.GetProperty("signIn").GetString());
        Assert.Equal("00000000-0000-0000-0000-00000000d45b", config.GetProperty("clientId").GetString());
        Assert.Equal("api://salesfunctions/user_impersonation", config.GetProperty("scope").GetString());
        Assert.Contains("connect-src 'self' https://login.microsoftonline.com;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenMsalLacksItsClientId_FailsWithTheSettingNamed()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => HostUnderTest.StartAsync(new Dictionary<string, string?> { ["Dashboard:SignIn"] = "Msal" }));

        Assert.Contains("Dashboard:ClientId", failure.Message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetAsync(string path, string token)
    {
        using var client = Host.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Ids(JsonElement body, string list) =>
        [.. body.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetString()).Order()];
}
