using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>Qualification over real HTTP: the configuration upload with line-numbered errors, and an account's scores with evidence.</summary>
public sealed class QualificationEndpointsTests() : HostTest
{
    private const string Tenant = "tenant-q";

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [HostUnderTest.Northwind],
            [new { email = "kim@northwind.example", accountId = "acc-1", title = "Chief Financial Officer" }]);
    }

    [Fact]
    public async Task GetQualification_WhenTheCfoMet_ShowsAuthorityMetWithTheMeetingAsEvidence()
    {
        using var config = await PutConfigAsync("""{ "pipelines": { "default": ["BANT", "MEDDIC"] } }""");
        var start = new DateTimeOffset(2026, 10, 5, 14, 0, 0, TimeSpan.Zero);
        var meeting = new Activity(Tenant, "mt-1", ActivityKind.Meeting, ActivityDirection.Outbound, start, start.AddMinutes(30), null,
            [new Participant("ava@contoso-sales.example", ParticipantRole.Organizer, true), new Participant("kim@northwind.example", ParticipantRole.Attendee, false)]);
        await Host.Service<ScoringService>().ScoreAsync(meeting, CancellationToken.None);

        var body = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/qualification?tenant={Tenant}&account=acc-1&asOf=2026-10-06T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        var frameworks = body.GetProperty("frameworks").EnumerateArray().ToList();
        Assert.Equal(["BANT", "MEDDIC"], frameworks.Select(f => f.GetProperty("framework").GetString()));
        var authority = frameworks[0].GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "authority");
        Assert.Equal("met", authority.GetProperty("status").GetString());
        Assert.Contains(authority.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("reference").GetString() == "mt-1");
        Assert.Equal(25, frameworks[0].GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task PutConfig_WhenAPipelineNamesAnUnknownFramework_Answers400WithItsLine()
    {
        using var rejected = await PutConfigAsync("""
            {
              "threshold": 60,
              "pipelines": {
                "default": ["BANT", "SPIN"]
              }
            }
            """);
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("line").GetInt32() == 4 && e.GetProperty("message").GetString()!.Contains("SPIN", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/qualification?tenant=tenant-q", HttpStatusCode.BadRequest)]
    [InlineData("/api/qualification?tenant=tenant-q&account=acc-1&deal=d1", HttpStatusCode.BadRequest)]
    [InlineData("/api/qualification?tenant=tenant-q&deal=d1", HttpStatusCode.BadRequest)]
    [InlineData("/api/qualification?tenant=tenant-q&account=acc-1&asOf=soon", HttpStatusCode.BadRequest)]
    [InlineData("/api/qualification?tenant=tenant-q&account=acc-404", HttpStatusCode.NotFound)]
    [InlineData("/api/qualification?tenant=tenant-q&connector=hub&deal=d404", HttpStatusCode.NotFound)]
    [InlineData("/api/qualification?tenant=nobody&account=acc-1", HttpStatusCode.NotFound)]
    public async Task GetQualification_WhenQueryInvalidOrNothingFound_AnswersAProblem(string url, HttpStatusCode expected)
    {
        using var response = await Host.Client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> PutConfigAsync(string json) =>
        Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/qualification", new StringContent(json, Encoding.UTF8, "application/json"));
}
