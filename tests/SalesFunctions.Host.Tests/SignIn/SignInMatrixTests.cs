using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Security;
using SalesFunctions.Api.SignIn;

namespace SalesFunctions.Host.Tests.SignIn;

/// <summary>
/// Every HTTP route of the registry × every kind of credential, through the real JwtBearer middleware with real signed
/// tokens: the status each cell must answer, and storage untouched by every refusal.
/// </summary>
public sealed class SignInMatrixTests() : HostTest
{
    private const string Tenant = "tenant-a";
    private const string OtherTenant = "tenant-b";
    private const string Manager = "mia.manager@contoso-sales.example";

    /// <summary>A request per route, naming the test tenant's rep-01 (team-a, managed by Mia) where a route takes an entity.</summary>
    private static readonly Dictionary<string, string> Requests = new(StringComparer.Ordinal)
    {
        [FunctionRegistry.GraphNotifications.Name] = "graph/notifications",
        [FunctionRegistry.GraphLifecycle.Name] = "graph/lifecycle",
        [FunctionRegistry.CrmWebhook.Name] = "crm/generic/no-such-connector",
        [FunctionRegistry.GetKpis.Name] = $"kpis?tenant={Tenant}&rep=rep-01&from=2026-10-01&to=2026-10-02",
        [FunctionRegistry.GetKpiLeaderboard.Name] = $"kpis/leaderboard?tenant={Tenant}&dimension=rep&period=2026-10&kpi=emailsSent",
        [FunctionRegistry.CompareKpis.Name] = $"kpis/compare?tenant={Tenant}&rep=rep-01&period=2026-10",
        [FunctionRegistry.GetActivityVsPerformance.Name] = $"kpis/activity-vs-performance?tenant={Tenant}&dimension=rep&period=2026-10",
        [FunctionRegistry.ExportKpis.Name] = $"kpis/export?tenant={Tenant}&dimension=rep&grain=day&from=2026-10-01&to=2026-10-02",
        [FunctionRegistry.GetKpiCatalogue.Name] = "kpis/catalogue",
        [FunctionRegistry.GetCaller.Name] = "me",
        [FunctionRegistry.GetQualification.Name] = $"qualification?tenant={Tenant}&account=acc-1",
        [FunctionRegistry.SetQualificationConfig.Name] = $"admin/tenants/{Tenant}/qualification",
        [FunctionRegistry.ImportDirectory.Name] = $"admin/tenants/{Tenant}/directory",
        [FunctionRegistry.ImportDirectoryCsv.Name] = $"admin/tenants/{Tenant}/directory/accounts",
        [FunctionRegistry.ImportKpiTargets.Name] = $"admin/tenants/{Tenant}/kpis/targets",
        [FunctionRegistry.GetKpiTargets.Name] = $"admin/tenants/{Tenant}/kpis/targets",
        [FunctionRegistry.AddMailbox.Name] = $"admin/tenants/{Tenant}/mailboxes",
        [FunctionRegistry.RemoveMailbox.Name] = $"admin/tenants/{Tenant}/mailboxes/nobody%40contoso-sales.example",
        [FunctionRegistry.StartCallCapture.Name] = $"admin/tenants/{Tenant}/calls",
        [FunctionRegistry.GetPrivacyPolicy.Name] = $"admin/tenants/{Tenant}/privacy",
        [FunctionRegistry.SetPrivacyPolicy.Name] = $"admin/tenants/{Tenant}/privacy",
        [FunctionRegistry.DryRunPrivacyPolicy.Name] = $"admin/tenants/{Tenant}/privacy/dry-run",
        [FunctionRegistry.GetUnmatched.Name] = $"admin/tenants/{Tenant}/unmatched?from=2026-10-01&to=2026-10-02",
        [FunctionRegistry.MapUnmatchedDomain.Name] = $"admin/tenants/{Tenant}/directory/accounts/acc-1/domains/fabrikam.example",
        [FunctionRegistry.ExplainActivity.Name] = $"admin/tenants/{Tenant}/activities/explain?id=x",
        [FunctionRegistry.RematchAccounts.Name] = $"admin/tenants/{Tenant}/directory/rematch",
        [FunctionRegistry.SetTerritoryModel.Name] = $"admin/tenants/{Tenant}/territories",
        [FunctionRegistry.GetTerritoryModels.Name] = $"admin/tenants/{Tenant}/territories",
        [FunctionRegistry.ExplainTerritory.Name] = $"admin/tenants/{Tenant}/territories/explain?account=acc-1",
        [FunctionRegistry.ReassignTerritories.Name] = $"admin/tenants/{Tenant}/territories/reassign?from=2026-10-01",
        [FunctionRegistry.GetTraces.Name] = $"admin/tenants/{Tenant}/traces?from=2026-10-01&to=2026-10-02",
        [FunctionRegistry.GetStatus.Name] = "admin/status",
        [FunctionRegistry.GetSyncStates.Name] = $"admin/tenants/{Tenant}/sync",
        [FunctionRegistry.GetPoison.Name] = "admin/poison",
        [FunctionRegistry.ReplayPoison.Name] = "admin/poison/capture/replay?max=1",
        [FunctionRegistry.Health.Name] = "health",
        [FunctionRegistry.HealthReady.Name] = "health/ready",
    };

    public static TheoryData<string> HttpFunctions() => [.. FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http).Select(f => f.Name)];

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [HostUnderTest.Northwind], [], Manager);
        await Host.ImportDirectoryAsync(OtherTenant, [], [], Manager);
    }

    [Fact]
    public void Requests_WhenTheRegistryGrows_NameEveryHttpFunction() =>
        Assert.Equal(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http).Select(f => f.Name).Order(), Requests.Keys.Order());

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task Route_WhenCalledWithEachCredential_AnswersItsRuleAndRefusalsStoreNothing(string name)
    {
        var function = FunctionRegistry.All.Single(f => f.Name == name);
        var access = function.Access!.Value;
        var before = await Host.SnapshotStorageAsync();
        var refused = new Dictionary<string, HttpStatusCode>();
        foreach (var (credential, token) in InvalidCredentials())
        {
            refused[credential] = await SendAsync(function, token);
        }

        refused["another tenant's admin"] = await SendAsync(function, Host.Token(OtherTenant, CallerRole.Admin));
        refused["an unmapped Entra tenant's admin"] = await SendAsync(function, Host.Token("f00dcafe-0000-4000-8000-000000000000", CallerRole.Admin));
        var after = await Host.SnapshotStorageAsync();

        if (access is RouteAccess.Ingress or RouteAccess.Probe)
        {
            // The ingress routes answer the same whatever the bearer token: they authenticate the sender themselves, and
            // the probes answer anyone.
            Assert.Single(refused.Values.Distinct());
            return;
        }

        foreach (var credential in InvalidCredentials().Select(c => c.Credential))
        {
            Assert.True(refused[credential] == HttpStatusCode.Unauthorized, $"{name} with {credential}: {refused[credential]}");
        }

        // An Entra tenant that configuration does not map is no trusted issuer at all.
        Assert.Equal(HttpStatusCode.Unauthorized, refused["an unmapped Entra tenant's admin"]);
        // A route without a tenant in it serves the caller's own tenant, except what all tenants share.
        var expectedForOtherTenant = function.Route!.Contains("{tenantId}", StringComparison.Ordinal) || Requests[name].Contains("tenant=", StringComparison.Ordinal) || access == RouteAccess.Operator
            ? HttpStatusCode.Forbidden
            : HttpStatusCode.OK;
        Assert.Equal(expectedForOtherTenant, refused["another tenant's admin"]);
        Assert.Empty(before.Changes(after));

        var roles = new Dictionary<CallerRole, HttpStatusCode>
        {
            [CallerRole.Admin] = await SendAsync(function, Host.Token(Tenant, CallerRole.Admin)),
            [CallerRole.Manager] = await SendAsync(function, Host.Token(Tenant, CallerRole.Manager, Manager)),
            [CallerRole.Rep] = await SendAsync(function, Host.Token(Tenant, CallerRole.Rep, "ava@contoso-sales.example")),
        };
        if (access == RouteAccess.Operator)
        {
            // The test tenant is not the operator tenant: even its admin may not touch the shared poison queues.
            Assert.All(roles.Values, status => Assert.Equal(HttpStatusCode.Forbidden, status));
            return;
        }

        Assert.NotEqual(HttpStatusCode.Unauthorized, roles[CallerRole.Admin]);
        Assert.NotEqual(HttpStatusCode.Forbidden, roles[CallerRole.Admin]);
        // Nobody works acc-1 here, so its qualification is the admin's alone (CallerScopePropertyTests has the cases where someone does).
        var nobodysAccount = name == FunctionRegistry.GetQualification.Name;
        var managerRefused = access == RouteAccess.Admin || nobodysAccount;
        var repRefused = access is RouteAccess.Admin or RouteAccess.Manager || nobodysAccount || Requests[name].Contains("dimension=", StringComparison.Ordinal);
        Assert.Equal(managerRefused, roles[CallerRole.Manager] == HttpStatusCode.Forbidden);
        Assert.Equal(repRefused, roles[CallerRole.Rep] == HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Poison_WhenTheOperatorTenantsAdminCalls_Answers200()
    {
        using var client = Host.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/poison");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Host.Token(HostUnderTest.HomeTenant, CallerRole.Admin));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refusal_WhenTheTokenIsMissingOrInvalid_IsAProblemWithABearerChallengeAndSecurityHeaders()
    {
        using var client = Host.AnonymousClient();
        using var response = await client.GetAsync($"/api/kpis?tenant={Tenant}&rep=rep-01&from=2026-10-01&to=2026-10-02");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    /// <summary>Credentials the middleware must refuse, each a real token but for one property.</summary>
    private IEnumerable<(string Credential, string? Token)> InvalidCredentials()
    {
        var issuer = Host.Service<DevelopmentIssuer>();
        var now = DateTime.UtcNow;
        TokenRequest Admin(DateTime notBefore, DateTime expires) =>
            new(Tenant, [nameof(CallerRole.Admin)], "test-admin", "admin@test.example", "Test Admin", notBefore, expires);
        var valid = issuer.Issue(Admin(now, now.AddHours(1)));
        yield return ("no token", null);
        yield return ("an expired token", issuer.Issue(Admin(now.AddHours(-2), now.AddHours(-1))));
        yield return ("a token not yet valid", issuer.Issue(Admin(now.AddHours(1), now.AddHours(2))));
        yield return ("a token for another audience", issuer.Issue(Admin(now, now.AddHours(1)) with { Audience = "api://another-api" }));
        yield return ("a token of another issuer", issuer.Issue(Admin(now, now.AddHours(1)) with { Issuer = "https://login.microsoftonline.com/tenant-a/v2.0" }));
        yield return ("an unsigned token (alg none)", Unsigned(valid));
        yield return ("a tampered signature", valid[..^4] + (valid[^4] == 'A' ? "BBBB" : "AAAA"));
        yield return ("a tampered payload", Tampered(valid));
    }

    /// <summary>The same header and claims with "alg":"none" and no signature.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return $"{header}.{parts[1]}.";
    }

    /// <summary>The signed token with its role claim raised, keeping the original signature.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("test-admin", "test-admim", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private async Task<HttpStatusCode> SendAsync(FunctionDefinition function, string? token)
    {
        using var client = Host.AnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(function.Methods![0]), "/api/" + Requests[function.Name]);
        if (function.Methods[0] is "PUT" or "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
