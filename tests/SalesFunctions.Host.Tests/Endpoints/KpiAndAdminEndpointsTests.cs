using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Host.Tests.Endpoints;

public sealed class KpiAndAdminEndpointsTests() : HostTest
{
    private const string Tenant = "tenant-a";

    [Theory]
    [InlineData("/api/kpis?rep=rep-01&from=2026-10-01&to=2026-10-02")]
    [InlineData("/api/kpis?tenant=tenant-a&rep=rep-01&from=2026-10-01")]
    [InlineData("/api/kpis?tenant=tenant-a&rep=rep-01&from=2026-10-05&to=2026-10-01")]
    [InlineData("/api/kpis?tenant=tenant-a&rep=rep-01&from=01/10/2026&to=2026-10-02")]
    [InlineData("/api/kpis?tenant=tenant-a&rep=rep-01&team=team-a&from=2026-10-01&to=2026-10-02")]
    [InlineData("/api/kpis?tenant=tenant-a&team=team-a&territory=emea&from=2026-10-01&to=2026-10-02")]
    [InlineData("/api/kpis?tenant=tenant-a&rep=a%2Fb&from=2026-10-01&to=2026-10-02")]
    [InlineData("/api/kpis?tenant=tenant-a&from=2025-01-01&to=2026-10-02")]
    public async Task GetKpis_WhenQueryInvalid_AnswersValidationProblem(string url)
    {
        using var response = await Host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetKpis_WhenRowsStored_ReturnsThemWithZeroFilledDays()
    {
        var day = new KpiPeriod(KpiGrain.Day, new DateOnly(2026, 10, 2));
        var values = KpiCatalogue.Definitions.ToDictionary(d => d.Name, d => d.Name switch
        {
            "emailsSent" => 3m,
            "meetingMinutes" => 45m,
            _ => d.AlwaysDefinedFor.Contains(KpiDimension.Rep) ? 0m : (decimal?)null,
        });
        await Host.Service<IKpiStore>().ReplaceAsync(Tenant, [day], [new KpiCell(KpiDimension.Rep, "rep-01", day, values)], CancellationToken.None);

        var body = await Host.Client.GetFromJsonAsync<JsonElement>("/api/kpis?tenant=tenant-a&rep=rep-01&from=2026-10-01&to=2026-10-03");

        Assert.Equal("rep", body.GetProperty("dimension").GetString());
        var series = body.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["2026-10-01", "2026-10-02", "2026-10-03"], series.Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([0, 3, 0], series.Select(p => p.GetProperty("emailsSent").GetInt32()));
        Assert.Equal(45, series[1].GetProperty("meetingMinutes").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/admin/status")]
    [InlineData("GET", "/api/admin/tenants/tenant-a/sync")]
    [InlineData("PUT", "/api/admin/tenants/tenant-a/directory")]
    [InlineData("POST", "/api/admin/tenants/tenant-a/mailboxes")]
    [InlineData("GET", "/api/admin/poison")]
    [InlineData("POST", "/api/admin/poison/capture/replay")]
    [InlineData("PUT", "/api/admin/tenants/tenant-a/territories")]
    [InlineData("POST", "/api/admin/tenants/tenant-a/territories/reassign?from=2026-10-01")]
    public async Task Admin_WhenTokenMissingOrWrong_Answers401Problem(string method, string url)
    {
        foreach (var token in new[] { null, "wrong" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) };
            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            using var anonymous = Host.AnonymousClient();
            using var response = await anonymous.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ImportDirectory_WhenInvalid_Answers400AndKeepsTheStoredOne()
    {
        var valid = new
        {
            internalDomains = new[] { "contoso-sales.example" },
            timeZone = "Europe/Berlin",
            teams = new[] { new { id = "team-a", name = "A" } },
            reps = new[] { new { id = "rep-01", email = "ava@contoso-sales.example", name = "Ava", teamId = "team-a" } },
            accounts = new[] { new { id = "acc-1", name = "Northwind", domains = new[] { "northwind.example" } } },
        };
        using var ok = await Host.Client.PutAsJsonAsync($"/api/admin/tenants/{Tenant}/directory", valid);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);

        var invalid = new { internalDomains = Array.Empty<string>(), timeZone = "Mars/Olympus", teams = valid.teams, reps = valid.reps, accounts = valid.accounts };
        using var rejected = await Host.Client.PutAsJsonAsync($"/api/admin/tenants/{Tenant}/directory", invalid);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = await rejected.Content.ReadAsStringAsync();
        Assert.Contains("Mars/Olympus", problem, StringComparison.Ordinal);
        var stored = await Host.Service<Core.Tenants.ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None);
        Assert.Equal("Europe/Berlin", stored!.TimeZone);
    }

    [Fact]
    public async Task ImportDirectory_WhenRepsHaveAliasesOrAFieldIsUnknownOrGraphOnly_StoresTheAliasesAndRefusesTheOthers()
    {
        const string WithAliases = """
            {
              "internalDomains": ["contoso-sales.example"],
              "teams": [{"id": "team-a", "name": "A"}],
              "reps": [{"id": "rep-01", "email": "ava@contoso-sales.example", "name": "Ava", "teamId": "team-a",
                        "aliases": ["ava.stone@contoso-sales.example"]}],
              "accounts": []
            }
            """;
        using var ok = await Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/directory", new StringContent(WithAliases, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);

        using var rejected = await Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/directory",
            new StringContent(WithAliases.Replace("\"aliases\"", "\"alias\"", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.Contains("alias", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var graphOnly = await Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/directory",
            new StringContent(WithAliases.Replace("\"aliases\"", "\"mailboxAddresses\"", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, graphOnly.StatusCode);
        Assert.Contains("reps[0].mailboxAddresses is read from Graph", await graphOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await Host.Service<Core.Tenants.ITenantDirectoryStore>().GetAsync(Tenant, CancellationToken.None);
        Assert.Equal(["ava.stone@contoso-sales.example"], Assert.Single(stored!.Reps).Aliases);
        Assert.Equal("rep-01", stored.RepByEmail("Ava.Stone@contoso-sales.example")?.Id);
    }

    [Fact]
    public async Task GetStatus_WhenFresh_ListsEveryQueueAndPoisonQueue()
    {
        var body = await Host.Client.GetFromJsonAsync<JsonElement>("/api/admin/status");

        var queues = body.GetProperty("queues").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["capture", "capture-poison", "crm", "crm-poison", "lifecycle", "lifecycle-poison", "rematch", "rematch-poison", "rollup", "rollup-poison", "score", "score-poison", "sync", "sync-poison"], queues);
        Assert.Equal(0, body.GetProperty("dirtyDays").GetInt32());
    }

    [Fact]
    public async Task Poison_WhenMessagesFailedEveryAttempt_ListsThemWithoutBodiesAndReplaysTheRequestedNumber()
    {
        var queues = Host.Service<Storage.StorageQueues>();
        var poison = queues.GetQueue(Core.Queues.QueueNames.PoisonOf(Core.Queues.QueueNames.Capture));
        string[] bodies = ["{\"mailbox\":\"kim@fabrikam.example\",\"n\":1}", "{\"mailbox\":\"kim@fabrikam.example\",\"n\":2}", "{\"mailbox\":\"kim@fabrikam.example\",\"n\":3}"];
        foreach (var body in bodies)
        {
            await poison.SendMessageAsync(BinaryData.FromString(body));
        }

        using var listed = await Host.Client.GetAsync("/api/admin/poison");
        var text = await listed.Content.ReadAsStringAsync();
        using var replayed = await Host.Client.PostAsync("/api/admin/poison/capture/replay?max=2", null);
        using var unknown = await Host.Client.PostAsync("/api/admin/poison/nope/replay", null);
        using var badMax = await Host.Client.PostAsync("/api/admin/poison/capture/replay?max=0", null);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain("fabrikam", text, StringComparison.OrdinalIgnoreCase);
        var capture = JsonDocument.Parse(text).RootElement.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == "capture");
        Assert.Equal(3, capture.GetProperty("count").GetInt32());
        Assert.Equal(3, capture.GetProperty("messages").GetArrayLength());
        Assert.Equal(2, (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (unknown.StatusCode, badMax.StatusCode));
        var requeued = (await queues.GetQueue(Core.Queues.QueueNames.Capture).ReceiveMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Equal(2, requeued.Count);
        Assert.All(requeued, b => Assert.Contains(b, bodies));
        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
