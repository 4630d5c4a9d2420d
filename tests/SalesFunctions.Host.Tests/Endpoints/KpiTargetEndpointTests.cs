using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>KPI targets uploaded and read back as CSV over real HTTP, stored in Azurite.</summary>
public sealed class KpiTargetEndpointTests() : HostTest(new Dictionary<string, string?>
    {
        [$"Kpis:Tenants:{Configured}:Quotas:0:Dimension"] = "rep",
        [$"Kpis:Tenants:{Configured}:Quotas:0:Key"] = "rep-01",
        [$"Kpis:Tenants:{Configured}:Quotas:0:Period"] = "2026-Q4",
        [$"Kpis:Tenants:{Configured}:Quotas:0:Amount"] = "1000",
    })
{
    private const string Tenant = "tenant-targets";
    private const string Configured = "tenant-configured";
    private const string Csv = "kind,dimension,key,period,amount\r\nquota,rep,rep-01,2026-Q4,60000\r\nquota,tenant,,2026-Q4,250000\r\n"
        + "forecast,team,team-a,2026-10,90000.50\r\nspend,,,2026-Q4,50000\r\n";

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [], []);
        await Host.ImportDirectoryAsync(Configured, [], []);
    }

    [Fact]
    public async Task PutThenGet_WhenTheCsvIsValid_AnswersTheSummaryAndGivesTheSameCsvBack()
    {
        using var put = await PutAsync(Tenant, Csv);
        using var get = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/kpis/targets");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var summary = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1, 1), (summary.GetProperty("quotas").GetInt32(), summary.GetProperty("forecasts").GetInt32(), summary.GetProperty("spend").GetInt32()));
        Assert.Equal(["2026-10", "2026-Q4"], summary.GetProperty("periodsMarked").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("text/csv", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Csv, await get.Content.ReadAsStringAsync());
        var dirty = await Host.Service<IDirtyDayStore>().ListAsync(CancellationToken.None);
        Assert.Contains(dirty, d => d.TenantId == Tenant && d.Day == new DateOnly(2026, 10, 1));
    }

    [Fact]
    public async Task Put_WhenTheCsvIsInvalid_Answers400NamingTheLineAndKeepsTheEarlierTargets()
    {
        using var first = await PutAsync(Tenant, Csv);

        using var bad = await PutAsync(Tenant, "kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,1\nquota,region,emea,2026-Q4,1\nspend,,,2026-13,5\n");
        using var get = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/kpis/targets");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([3, 4], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.StartsWith("2 error(s); the first: line 3: unknown dimension 'region'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(Csv, await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_WhenOnlyConfigured_GivesTheConfiguredTargetsUntilAnUploadReplacesThem()
    {
        using var configured = await Host.Client.GetAsync($"/api/admin/tenants/{Configured}/kpis/targets");
        using var upload = await PutAsync(Configured, "kind,period,amount\nspend,2026-Q4,5\n");
        using var uploaded = await Host.Client.GetAsync($"/api/admin/tenants/{Configured}/kpis/targets");

        Assert.Equal("kind,dimension,key,period,amount\r\nquota,rep,rep-01,2026-Q4,1000\r\n", await configured.Content.ReadAsStringAsync());
        Assert.Equal(["2026-Q4"], (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("periodsMarked").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("kind,dimension,key,period,amount\r\nspend,,,2026-Q4,5\r\n", await uploaded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_WhenNothingIsUploadedOrConfigured_Answers404Problem()
    {
        using var response = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/kpis/targets");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No KPI targets", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody", "PUT", HttpStatusCode.NotFound)]
    [InlineData("nobody", "GET", HttpStatusCode.NotFound)]
    [InlineData("bad id!", "PUT", HttpStatusCode.Forbidden)]
    public async Task Request_WhenTheTenantIsUnknownOrInvalid_AnswersTheDirectoryImportsProblem(string tenant, string method, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/admin/tenants/{Uri.EscapeDataString(tenant)}/kpis/targets")
        {
            Content = method == "PUT" ? new StringContent(Csv, Encoding.UTF8, "text/csv") : null,
        };
        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.NotFound)
        {
            Assert.Contains("Tenant not configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private Task<HttpResponseMessage> PutAsync(string tenant, string csv) =>
        Host.Client.PutAsync($"/api/admin/tenants/{tenant}/kpis/targets", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
