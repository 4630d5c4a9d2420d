using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>The territory admin routes over real HTTP against Azurite: upload, list, explain, re-territory.</summary>
public sealed class TerritoryEndpointsTests() : HostTest
{
    private const string Tenant = "tenant-t";

    private const string Model = """
        {
          "effectiveFrom": "2026-01-01T00:00:00Z",
          "territories": [
            { "id": "global" },
            { "id": "dach", "parentId": "global", "members": ["rep-01"], "rules": [{ "priority": 100, "countries": ["DE", "AT", "CH"] }] },
            { "id": "dach-enterprise", "parentId": "global", "members": ["rep-01"],
              "rules": [{ "priority": 100, "countries": ["DE"], "employees": { "min": 1000 } }] }
          ]
        }
        """;

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [new { id = "acc-1", name = "Northwind", domains = new[] { "northwind.example" }, country = "DE", employees = 5000 }], []);
    }

    [Fact]
    public async Task PutModel_WhenValid_StoresAVersion_AndExplainShowsTheRuleThatWonAndWhy()
    {
        using var put = await PutModelAsync(Model);
        var versions = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{Tenant}/territories");
        var explained = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{Tenant}/territories/explain?account=acc-1&at=2026-10-05T10:00:00Z");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(3, Assert.Single(versions.GetProperty("versions").EnumerateArray()).GetProperty("territories").GetInt32());
        Assert.Equal("dach-enterprise", explained.GetProperty("primary").GetString());
        Assert.Contains("specific", explained.GetProperty("tieBreak").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(explained.GetProperty("rules").EnumerateArray(), r => Assert.True(r.GetProperty("matched").GetBoolean()));
    }

    [Fact]
    public async Task PutModel_WhenInvalid_Answers400WithTheLineOfEachError_AndTheStoredVersionsStay()
    {
        using var good = await PutModelAsync(Model);
        var broken = Model.Replace("\"parentId\": \"global\", \"members\": [\"rep-01\"], \"rules\": [{ \"priority\": 100, \"countries\": [\"DE\", \"AT\", \"CH\"] }]", "\"parentId\": \"nowhere\"", StringComparison.Ordinal)
            .Replace("2026-01-01", "2026-06-01", StringComparison.Ordinal);

        using var rejected = await PutModelAsync(broken);
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        var versions = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{Tenant}/territories");

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("line").GetInt32() == 5 && e.GetProperty("message").GetString()!.Contains("nowhere", StringComparison.Ordinal));
        Assert.Single(versions.GetProperty("versions").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/admin/tenants/tenant-t/territories/explain?account=acc-404", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/tenants/tenant-t/territories/explain?account=acc-1&at=2025-06-01T00:00:00Z", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/tenants/tenant-t/territories/explain?account=acc-1&at=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/tenants/nobody/territories/explain?account=acc-1", HttpStatusCode.NotFound)]
    public async Task Explain_WhenAccountModelOrInstantIsMissing_AnswersAProblem(string url, HttpStatusCode expected)
    {
        using var put = await PutModelAsync(Model);

        using var response = await Host.Client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reassign_WhenFromIsMissing_Answers400_AndWhenGiven_ReportsWhatItExamined()
    {
        using var put = await PutModelAsync(Model);

        using var missing = await Host.Client.PostAsync($"/api/admin/tenants/{Tenant}/territories/reassign", null);
        using var ran = await Host.Client.PostAsync($"/api/admin/tenants/{Tenant}/territories/reassign?from=2026-10-01", null);
        var report = await ran.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        Assert.Equal((0, 0), (report.GetProperty("examined").GetInt32(), report.GetProperty("rewritten").GetInt32()));
    }

    [Fact]
    public async Task ExplainActivity_WhenStored_ShowsEachParticipantsRungAndTheTerritoriesByDomainOnly()
    {
        using var put = await PutModelAsync(Model);
        var at = new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);
        var email = new Core.Activities.Activity(Tenant, "em-x1", Core.Activities.ActivityKind.Email, Core.Activities.ActivityDirection.Inbound, at, null, null,
        [
            new("buyer@mail.northwind.example", Core.Activities.ParticipantRole.From, false),
            new("pat@gmail.com", Core.Activities.ParticipantRole.Cc, false),
            new("ava@contoso-sales.example", Core.Activities.ParticipantRole.To, true),
        ]);
        await Host.Service<Core.Scoring.ScoringService>().ScoreAsync(email, CancellationToken.None);

        var before = await ExplainAsync("activityId=em-x1");
        await Host.ImportDirectoryAsync(Tenant, [new { id = "acc-1", name = "Northwind", domains = new[] { "northwind.example" }, country = "DE", employees = 5000 }],
            [new { email = "pat@gmail.com", accountId = "acc-1" }]);
        var after = await ExplainAsync("activityId=em-x1");
        using var missing = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/activities/explain?messageId=%3Cnope%40x%3E");
        using var ambiguous = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/activities/explain?activityId=em-x1&iCalUId=x");

        var people = before.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(("acc-1", "ParentDomain", 0.75), (people[0].GetProperty("storedAccount").GetString(), people[0].GetProperty("matchedByNow").GetString(), people[0].GetProperty("confidence").GetDouble()));
        Assert.Contains("free mail", people[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("rep-01", people[2].GetProperty("rep").GetString());
        Assert.Equal(["dach-enterprise", "global"], before.GetProperty("storedTerritories").EnumerateArray().Select(t => t.GetString()));
        var account = Assert.Single(before.GetProperty("accounts").EnumerateArray());
        Assert.Equal("dach-enterprise", account.GetProperty("primary").GetString());
        Assert.DoesNotContain("buyer@", before.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("pat@", before.GetRawText(), StringComparison.Ordinal);

        // The new contact is what the ladder says now; the stored activity keeps its count until a rematch.
        var pat = after.GetProperty("participants")[1];
        Assert.Equal(JsonValueKind.Null, pat.GetProperty("storedAccount").ValueKind);
        Assert.Equal(("acc-1", "Contact"), (pat.GetProperty("accountNow").GetString(), pat.GetProperty("matchedByNow").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (missing.StatusCode, ambiguous.StatusCode));
    }

    private async Task<JsonElement> ExplainAsync(string query) =>
        await Host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{Tenant}/activities/explain?{query}");

    private Task<HttpResponseMessage> PutModelAsync(string json) =>
        Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/territories", new StringContent(json, Encoding.UTF8, "application/json"));
}
