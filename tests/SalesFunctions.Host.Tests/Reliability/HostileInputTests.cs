using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesFunctions.Core.Queues;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Storage;

namespace SalesFunctions.Host.Tests.Reliability;

/// <summary>
/// The cases of issue 26 over real HTTP, each of which answered 500 or was accepted and did harm: every one is now
/// refused with a problem body (or, for Graph, acknowledged without effect) and stores nothing.
/// </summary>
public sealed class HostileInputTests() : HostTest(CrmDemoConnectors.Settings(Tenant))
{
    private const string Tenant = "tenant-hostile";

    protected override async Task SeedAsync()
    {
        await Host.ImportDirectoryAsync(Tenant, [], []);
    }

    [Theory]
    [InlineData("graph/notifications")]
    [InlineData("graph/lifecycle")]
    public async Task Post_WhenTheBatchHoldsNullItems_AnswersAcceptedAndQueuesNothing(string route)
    {
        using var response = await PostJsonAsync($"/api/{route}", """{"value":[null,null]}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 2), (result.GetProperty("accepted").GetInt32(), result.GetProperty("ignored").GetInt32()));
        Assert.Equal(0, await QueueLengthAsync(QueueNames.Capture) + await QueueLengthAsync(QueueNames.Lifecycle));
    }

    [Theory]
    [InlineData("subscriptionId")]
    [InlineData("tenantId")]
    public async Task Post_WhenAKeyIsHuge_RefusesTheItemWithoutReachingStorage(string property)
    {
        var item = new Dictionary<string, object>
        {
            ["subscriptionId"] = "sub-1",
            ["clientState"] = "secret",
            ["changeType"] = "created",
            ["tenantId"] = "84bd8158-6d4d-4958-8b9f-9d6445542f95",
            ["resourceData"] = new { id = "m1" },
        };
        item[property] = new string('a', 100_000);

        using var response = await PostJsonAsync("/api/graph/notifications", JsonSerializer.Serialize(new { value = new[] { item } }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejected").GetInt32());
        Assert.Equal(0, await QueueLengthAsync(QueueNames.Capture));
    }

    [Fact]
    public async Task Post_WhenTheBatchHoldsMoreItemsThanGraphSends_Answers400ProblemAndQueuesNothing()
    {
        var items = Enumerable.Range(0, 5_000).Select(i => new
        {
            subscriptionId = $"forged-{i}", clientState = "x", changeType = "created", tenantId = "84bd8158-6d4d-4958-8b9f-9d6445542f95", resourceData = new { id = $"m{i}" },
        });

        using var response = await PostJsonAsync("/api/graph/notifications", JsonSerializer.Serialize(new { value = items }));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await QueueLengthAsync(QueueNames.Capture));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01")]
    [InlineData("0001-Q1")]
    [InlineData("9999-12-31")]
    [InlineData("9999-12")]
    [InlineData("9999-Q4")]
    public async Task Compare_WhenThePeriodIsAtTheEndsOfTheCalendar_Answers400Problem(string period)
    {
        using var response = await Host.Client.GetAsync($"/api/kpis/compare?tenant={Tenant}&period={period}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("9999-12-31", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-01")]
    public async Task Export_WhenTheRangeIsAtTheEndsOfTheCalendar_Answers400Problem(string from, string to)
    {
        using var response = await Host.Client.GetAsync($"/api/kpis/export?tenant={Tenant}&dimension=rep&grain=week&from={from}&to={to}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unmatched_WhenToIsTheLastDayOfTheCalendar_Answers400Problem()
    {
        using var response = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/unmatched?from=9999-12-01&to=9999-12-31");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("to=0001-01-01")]
    [InlineData("from=9999-12-31T23:59:59Z&to=9999-12-31T23:59:59Z")]
    public async Task Traces_WhenTheWindowIsAtTheEndsOfTheCalendar_Answers400Problem(string window)
    {
        using var response = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/traces?{window}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12")]
    [InlineData("9999-12-31")]
    public async Task PutTargets_WhenAPeriodIsOutsideTheSupportedDays_Answers400NamingTheLineAndMarksNothing(string period)
    {
        var csv = $"kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,1\nquota,rep,rep-01,{period},1\n";

        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/kpis/targets", content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(3, problem.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Empty(await Host.Service<Core.Kpis.Rollup.IDirtyDayStore>().ListAsync(CancellationToken.None));
        using var stored = await Host.Client.GetAsync($"/api/admin/tenants/{Tenant}/kpis/targets");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Theory]
    [InlineData("{\n  \"excludedDomains\": [\"rival.example\"],\n  \"excludedDomain\": [\"typo.example\"]\n}", 3)]
    [InlineData("{\n  \"excludedDomains\": null\n}", 2)]
    [InlineData("{\n  \"excludedAddresses\": [null]\n}", 2)]
    public async Task PutPrivacy_WhenAPropertyIsUnknownOrNull_Answers400WithItsLineAndKeepsThePolicy(string body, int line)
    {
        using var first = await PutPrivacyAsync(Encoding.UTF8.GetBytes("""{"excludedDomains":["kept.example"]}"""));

        using var response = await PutPrivacyAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(line, problem.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Equal(["kept.example"], (await PolicyAsync()).GetProperty("excludedDomains").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task PutPrivacy_WhenTheBodyIsNotUtf8_Answers400WithItsLineAndKeepsThePolicy()
    {
        using var first = await PutPrivacyAsync(Encoding.UTF8.GetBytes("""{"excludedDomains":["kept.example"]}"""));
        byte[] body = [.. Encoding.UTF8.GetBytes("{\n\"excludedDomains\": [\"kept.example\"],\n\"x\": \""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"\n}")];

        using var response = await PutPrivacyAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(3, problem.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Equal(["kept.example"], (await PolicyAsync()).GetProperty("excludedDomains").EnumerateArray().Select(d => d.GetString()));
    }

    [Theory]
    [InlineData(100_000, "r1")]
    [InlineData(3, "a/b")]
    [InlineData(3, "line\nbreak")]
    public async Task GenericWebhook_WhenAnIdIsTooLongOrHasKeyCharacters_Answers400BeforeTheAckAndStoresNothing(int idLength, string recordId)
    {
        var body = JsonSerializer.Serialize(new
        {
            events = new[] { new { id = new string('e', idLength), entity = "deal", recordId, occurredAt = "2026-10-05T10:00:00Z", fields = new { } } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/crm/generic/{CrmDemoConnectors.Generic}") { Content = new StringContent(body) };
        request.Headers.Add("X-SalesFunctions-Signature", Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(CrmDemoConnectors.GenericSecret), Encoding.UTF8.GetBytes(body))));

        using var response = await Host.Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await QueueLengthAsync(QueueNames.Crm));
        var container = Host.Service<StorageClients>().Blobs.GetBlobContainerClient(Host.Service<StorageNames>().Container(StorageNames.CrmPayloads));
        await foreach (var _ in container.GetBlobsAsync())
        {
            Assert.Fail("A refused webhook body was kept.");
        }
    }

    [Fact]
    public async Task GenericWebhook_WhenASignedBodyIsNotUtf8_Answers400AndStoresNothing()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"events\":[{\"id\":\""), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\",\"entity\":\"deal\",\"recordId\":\"r1\",\"occurredAt\":\"2026-10-05T10:00:00Z\"}]}")];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/crm/generic/{CrmDemoConnectors.Generic}") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-SalesFunctions-Signature", Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(CrmDemoConnectors.GenericSecret), body)));

        using var response = await Host.Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await QueueLengthAsync(QueueNames.Crm));
    }

    [Fact]
    public async Task Rollup_WhenStoredTargetsWereWrittenAroundTheUpload_RollsUpTheOtherKpisAndTheStatusNamesTheTargets()
    {
        var at = new DateTimeOffset(2026, 10, 5, 10, 0, 0, TimeSpan.Zero);
        await Host.Service<Core.Scoring.ScoringService>().ScoreAsync(new Core.Activities.Activity(Tenant, "em-1", Core.Activities.ActivityKind.Email, Core.Activities.ActivityDirection.Inbound, at, null, null,
            [new("buyer@globex.example", Core.Activities.ParticipantRole.From, false), new("ava@contoso-sales.example", Core.Activities.ParticipantRole.To, true)]), CancellationToken.None);
        using var content = new StringContent("kind,dimension,key,period,amount\nquota,rep,rep-01,2026-Q4,1\n", Encoding.UTF8, "text/csv");
        using var upload = await Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/kpis/targets", content);
        var blob = Host.Service<StorageClients>().Blobs.GetBlobContainerClient(Host.Service<StorageNames>().Container(StorageNames.Directories))
            .GetBlobClient($"kpi-targets/{Tenant}.json");
        var stored = (await blob.DownloadContentAsync()).Value.Content.ToString();
        await blob.UploadAsync(BinaryData.FromString(stored.Replace("2026-Q4", "0001-01-01", StringComparison.Ordinal)), overwrite: true);

        await Host.Service<Core.Kpis.Rollup.KpiRollupService>().RunAsync(CancellationToken.None);
        using var admin = Host.AdminClientOf(Tenant);
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/admin/status");
        var kpis = await Host.Client.GetFromJsonAsync<JsonElement>($"/api/kpis?tenant={Tenant}&rep=rep-01&from=2026-10-05&to=2026-10-05");

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var failure = Assert.Single(status.GetProperty("rollupFailures").EnumerateArray());
        Assert.Equal((Tenant, "KPI targets"), (failure.GetProperty("tenantId").GetString(), failure.GetProperty("input").GetString()));
        Assert.Contains("0001-01-01", failure.GetProperty("cause").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, status.GetProperty("dirtyDays").GetInt32());
        Assert.Equal(1, kpis.GetProperty("series")[0].GetProperty("emailsReceived").GetInt32());
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Host.Client.PostAsync(path, content);
    }

    private async Task<HttpResponseMessage> PutPrivacyAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return await Host.Client.PutAsync($"/api/admin/tenants/{Tenant}/privacy", content);
    }

    private async Task<JsonElement> PolicyAsync() =>
        await Host.Client.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{Tenant}/privacy");

    private async Task<int> QueueLengthAsync(string queue) =>
        (await Host.Service<StorageClients>().Queues.GetQueueClient(Host.Service<StorageNames>().Queue(queue)).GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
