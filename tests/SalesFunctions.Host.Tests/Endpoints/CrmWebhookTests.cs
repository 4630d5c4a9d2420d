using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Azure.Storage.Blobs;
using SalesFunctions.Core.Queues;
using SalesFunctions.Simulator.Crm;
using SalesFunctions.Storage;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Endpoints;

/// <summary>
/// Every provider over real HTTP against the Host: the right credential is acknowledged in the provider's format with
/// the raw body kept and one queue message; a wrong one is a 401 problem with nothing stored.
/// </summary>
public sealed class CrmWebhookTests() : HostTest(Settings())
{
    private const string Tenant = "tenant-crm";
    private const string HubSpotDocsConnector = "hubspot-docs";
    public static TheoryData<string> Providers => ["hubspot", "salesforce", "dynamics", "pipedrive", "generic"];

    private static Dictionary<string, string?> Settings()
    {
        var settings = CrmDemoConnectors.Settings(Tenant);

        // The connector for HubSpot's published v1 example, signed with the docs' client secret.
        settings[$"Crm:Connectors:{HubSpotDocsConnector}:TenantId"] = Tenant;
        settings[$"Crm:Connectors:{HubSpotDocsConnector}:Provider"] = "HubSpot";
        settings[$"Crm:Connectors:{HubSpotDocsConnector}:Secret"] = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
        settings["Crm:MaxPayloadBytes"] = "65536";
        return settings;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Webhook_WhenCredentialRight_AcknowledgesAfterKeepingTheBodyAndQueueingIt(string provider)
    {
        using var request = CrmWebhookWriter.Deal(Host.Client.BaseAddress!, Deal(provider), 0, TestClock.Now);
        var sent = await request.Content!.ReadAsByteArrayAsync();

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (provider == "salesforce")
        {
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            var ack = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("true", ack.Descendants(XNamespace.Get("http://soap.sforce.com/2005/09/outbound") + "Ack").Single().Value);
        }
        else
        {
            Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32() >= 1);
        }

        Assert.Equal([sent], await StoredPayloadsAsync());
        Assert.Equal(1, await CrmQueueLengthAsync());
    }

    [Fact]
    public async Task Webhook_WhenSalesforceMessageLacksSystemModstamp_AcknowledgesMergesByReceiveTimeAndWarnsInTheStatus()
    {
        using var signed = CrmWebhookWriter.Deal(Host.Client.BaseAddress!, Deal("salesforce"), 0, DateTimeOffset.UtcNow);
        var body = System.Text.RegularExpressions.Regex.Replace(await signed.Content!.ReadAsStringAsync(), "<sf:(SystemModstamp|LastModifiedDate)>[^<]*</sf:(SystemModstamp|LastModifiedDate)>", string.Empty);
        Assert.DoesNotContain("SystemModstamp", body, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, signed.RequestUri) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", "\"\"");

        await Host.ImportDirectoryAsync(Tenant, [], []);

        using var response = await Host.Client.SendAsync(request);
        var queue = Host.Service<StorageClients>().Queues.GetQueueClient(Host.Service<StorageNames>().Queue(QueueNames.Crm));
        var queued = (await queue.ReceiveMessageAsync()).Value;
        var message = JsonSerializer.Deserialize<Core.Crm.CrmMessage>(queued.MessageText, JsonSerializerOptions.Web)!;
        await Host.Service<Core.Crm.CrmEventProcessor>().ProcessAsync(message, CancellationToken.None);
        using var admin = Host.AdminClientOf(Tenant);
        var status = JsonDocument.Parse(await admin.GetStringAsync("api/admin/status")).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deals = new List<Core.Crm.CrmRecord>();
        await foreach (var stored in Host.Service<Core.Crm.ICrmStore>().ListAsync(Tenant, Core.Crm.CrmEntityKind.Deal, CancellationToken.None))
        {
            deals.Add(stored);
        }

        Assert.All(Assert.Single(deals).Fields.Values, f => Assert.Equal(message.ReceivedAt, f.Version));
        var warning = Assert.Single(status.GetProperty("connectorWarnings").EnumerateArray());
        Assert.Equal(message.ConnectorId, warning.GetProperty("connectorId").GetString());
        Assert.Contains("SystemModstamp", warning.GetProperty("warning").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_WhenHubSpotSignedThePublicUrlOfAPathRewritingProxy_HonoursForwardedHeadersOnlyFromTrustedProxies()
    {
        var settings = CrmDemoConnectors.Settings(Tenant);
        settings["Http:TrustedProxies:0"] = "127.0.0.1";
        settings["Http:TrustedProxies:1"] = "::1";
        await using var behindProxy = await HostUnderTest.StartAsync(settings);
        HttpRequestMessage Forwarded(HostUnderTest host)
        {
            var request = CrmWebhookWriter.Deal(new Uri("https://sales.contoso.example/hooks/"), Deal("hubspot"), 0, DateTimeOffset.UtcNow);
            request.RequestUri = new Uri(host.Client.BaseAddress!, request.RequestUri!.AbsolutePath["/hooks/".Length..]);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "sales.contoso.example");
            request.Headers.Add("X-Forwarded-Prefix", "/hooks");
            return request;
        }

        using var trusted = await behindProxy.Client.SendAsync(Forwarded(behindProxy));
        using var untrusted = await Host.Client.SendAsync(Forwarded(Host));

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, untrusted.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Webhook_WhenCredentialWrong_Answers401ProblemAndStoresNothing(string provider)
    {
        using var request = CrmWebhookWriter.Deal(Host.Client.BaseAddress!, Deal(provider), 0, TestClock.Now);
        Spoil(request, provider);

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(CrmDemoConnectors.HubSpotSecret, problem, StringComparison.Ordinal);
        Assert.Empty(await StoredPayloadsAsync());
        Assert.Equal(0, await CrmQueueLengthAsync());
    }

    [Fact]
    public async Task Webhook_WhenHubSpotSendsItsPublishedV1Example_AcceptsTheDocumentedSignatureOnly()
    {
        var body = await File.ReadAllBytesAsync(Fixtures.Path("hubspot", "webhook-contact-creation-v1-docs-example.body.json"));

        using var good = await SendHubSpotV1Async(body, "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de");
        using var bad = await SendHubSpotV1Async(body, "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817df");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal([body], await StoredPayloadsAsync());
    }

    [Fact]
    public async Task Webhook_WhenPipedriveSendsItsPublishedV2Example_AcceptsItWithBasicAuth()
    {
        var body = await File.ReadAllBytesAsync(Fixtures.Path("pipedrive", "webhook-v2-deal-create-docs-example.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/crm/pipedrive/{CrmDemoConnectors.Pipedrive}") { Content = new ByteArrayContent(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CrmDemoConnectors.PipedriveUser}:{CrmDemoConnectors.PipedrivePassword}")));

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CrmQueueLengthAsync());
    }

    [Theory]
    [InlineData("generic", "{\"events\":[{\"id\":\"e1\"}]}", HttpStatusCode.BadRequest)]
    [InlineData("generic", "not json", HttpStatusCode.BadRequest)]
    [InlineData("nosuchcrm", "{}", HttpStatusCode.NotFound)]
    public async Task Webhook_WhenPayloadMalformedOrProviderUnknown_Answers4xxProblemAndStoresNothing(string provider, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/crm/{provider}/{CrmDemoConnectors.Generic}") { Content = new StringContent(body) };
        request.Headers.Add("X-SalesFunctions-Signature", Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(CrmDemoConnectors.GenericSecret), Encoding.UTF8.GetBytes(body))));

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await StoredPayloadsAsync());
    }

    [Fact]
    public async Task Webhook_WhenBodyOverTheLimit_Answers413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/crm/generic/{CrmDemoConnectors.Generic}") { Content = new ByteArrayContent(new byte[70_000]) };

        using var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await StoredPayloadsAsync());
    }

    private static SimDeal Deal(string provider) =>
        new("100042", CrmDemoConnectors.All.Single(c => c.Provider == provider).Connector, provider, "ava@contoso-sales.example", "rep-01", "acc-001",
            "Harbor expansion", 12_000m, "USD", TestClock.Now.AddDays(-2), [new SimDealState(TestClock.Now.AddDays(-2), 1, "open")]);

    /// <summary>The same request with its credential wrong in the provider's own way.</summary>
    private static void Spoil(HttpRequestMessage request, string provider)
    {
        switch (provider)
        {
            case "hubspot":
                var signature = request.Headers.GetValues("X-HubSpot-Signature-v3").Single();
                request.Headers.Remove("X-HubSpot-Signature-v3");
                request.Headers.Add("X-HubSpot-Signature-v3", (signature[0] == 'A' ? "B" : "A") + signature[1..]);
                break;
            case "salesforce":
            case "dynamics":
                request.RequestUri = new Uri(request.RequestUri!.ToString().Replace("demo-", "dem0-", StringComparison.Ordinal));
                break;
            case "pipedrive":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("demo:guess")));
                break;
            default:
                request.Headers.Remove("X-SalesFunctions-Signature");
                request.Headers.Add("X-SalesFunctions-Signature", new string('0', 64));
                break;
        }
    }

    private async Task<HttpResponseMessage> SendHubSpotV1Async(byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/crm/hubspot/{HubSpotDocsConnector}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-HubSpot-Signature-Version", "v1");
        request.Headers.Add("X-HubSpot-Signature", signature);
        return await Host.Client.SendAsync(request);
    }

    private async Task<List<byte[]>> StoredPayloadsAsync()
    {
        var container = Host.Service<StorageClients>().Blobs.GetBlobContainerClient(Host.Service<StorageNames>().Container(StorageNames.CrmPayloads));
        var bodies = new List<byte[]>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            bodies.Add((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray());
        }

        return bodies;
    }

    private async Task<int> CrmQueueLengthAsync() =>
        (await Host.Service<StorageClients>().Queues.GetQueueClient(Host.Service<StorageNames>().Queue(QueueNames.Crm)).GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
