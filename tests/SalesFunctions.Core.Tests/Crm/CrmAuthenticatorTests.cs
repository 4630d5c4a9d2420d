using System.Text;
using SalesFunctions.Core.Crm;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Crm;

public sealed class CrmAuthenticatorTests
{
    private const string HubSpotDocsSecret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Uri Url = new("https://sales.contoso.example/api/crm/hubspot/hs-1?portal=62515");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""[{"eventId":1,"objectId":123}]""");

    [Fact]
    public void HubSpotV1_WhenGivenTheDocsExample_MatchesTheDocumentedSignature()
    {
        var body = File.ReadAllBytes(Fixtures.Path("hubspot", "webhook-contact-creation-v1-docs-example.body.json"));

        Assert.Equal("232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de", CrmAuthenticator.HubSpotV1(HubSpotDocsSecret, body));
    }

    [Fact]
    public void Check_WhenHubSpotV1SignatureRight_Accepts_AndWhenBodyOrSecretDiffers_Rejects()
    {
        var body = File.ReadAllBytes(Fixtures.Path("hubspot", "webhook-contact-creation-v1-docs-example.body.json"));
        var headers = Headers(("X-HubSpot-Signature-Version", "v1"), ("X-HubSpot-Signature", "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de"));

        Assert.Null(CrmAuthenticator.Check(HubSpot(HubSpotDocsSecret), Request(headers, body), Now));
        Assert.NotNull(CrmAuthenticator.Check(HubSpot("another-secret"), Request(headers, body), Now));
        Assert.NotNull(CrmAuthenticator.Check(HubSpot(HubSpotDocsSecret), Request(headers, [.. body, (byte)' ']), Now));
    }

    [Fact]
    public void Check_WhenHubSpotV2_SignsMethodUriAndBody()
    {
        var signature = CrmAuthenticator.HubSpotV2("s3cret", "POST", Url.ToString(), Body);
        var headers = Headers(("X-HubSpot-Signature-Version", "v2"), ("X-HubSpot-Signature", signature));

        Assert.Null(CrmAuthenticator.Check(HubSpot("s3cret"), Request(headers, Body), Now));
        Assert.NotNull(CrmAuthenticator.Check(HubSpot("s3cret"), Request(headers, Body, new Uri("https://sales.contoso.example/api/crm/hubspot/hs-1?portal=1")), Now));
    }

    public static TheoryData<string, int, bool> V3Cases => new()
    {
        { "fresh", 0, true },
        { "4 minutes old", -4, true },
        { "6 minutes old", -6, false },
        { "6 minutes ahead", 6, false },
    };

    [Theory]
    [MemberData(nameof(V3Cases))]
    public void Check_WhenHubSpotV3_EnforcesTheFiveMinuteWindow(string name, int minutes, bool accepted)
    {
        var timestamp = Now.AddMinutes(minutes).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = CrmAuthenticator.HubSpotV3("s3cret", "POST", Url.ToString(), Body, timestamp);
        var headers = Headers(("X-HubSpot-Signature-v3", signature), ("X-HubSpot-Request-Timestamp", timestamp));

        Assert.True(accepted == CrmAuthenticator.Check(HubSpot("s3cret"), Request(headers, Body), Now) is null, name);
    }

    [Fact]
    public void Check_WhenHubSpotV3BehindAProxy_SignsThePublicUrlWithTheDocumentedCharactersDecoded()
    {
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = "https://sales.contoso.example/api/crm/hubspot/hs-1?since=2026-11-23T10:00:00Z";
        var signature = CrmAuthenticator.HubSpotV3("s3cret", "POST", signed, Body, timestamp);
        var headers = Headers(("X-HubSpot-Signature-v3", signature), ("X-HubSpot-Request-Timestamp", timestamp));
        var internalUrl = new Uri("http://10.0.0.4:8080/api/crm/hubspot/hs-1?since=2026-11-23T10%3A00%3A00Z");
        var connector = HubSpot("s3cret");
        connector.PublicBaseUrl = "https://sales.contoso.example/";

        Assert.Null(CrmAuthenticator.Check(connector, Request(headers, Body, internalUrl), Now));
        Assert.NotNull(CrmAuthenticator.Check(HubSpot("s3cret"), Request(headers, Body, internalUrl), Now));
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2")]
    public void Check_WhenAProxyRewritesThePath_SignsTheConnectorsFullPublicUrlWithTheRequestsQuery(string version)
    {
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = "https://sales.contoso.example/hooks/hubspot?portal=62515";
        var headers = version == "v3"
            ? Headers(("X-HubSpot-Signature-v3", CrmAuthenticator.HubSpotV3("s3cret", "POST", signed, Body, timestamp)), ("X-HubSpot-Request-Timestamp", timestamp))
            : Headers(("X-HubSpot-Signature-Version", "v2"), ("X-HubSpot-Signature", CrmAuthenticator.HubSpotV2("s3cret", "POST", signed, Body)));
        var internalUrl = new Uri("http://10.0.0.4:8080/api/crm/hubspot/hs-1?portal=62515");
        var withBase = HubSpot("s3cret");
        withBase.PublicBaseUrl = "https://sales.contoso.example";
        var withUrl = HubSpot("s3cret");
        withUrl.PublicUrl = "https://sales.contoso.example/hooks/hubspot";

        Assert.NotNull(CrmAuthenticator.Check(withBase, Request(headers, Body, internalUrl), Now));
        Assert.Null(CrmAuthenticator.Check(withUrl, Request(headers, Body, internalUrl), Now));
    }

    [Fact]
    public void Check_WhenHubSpotSendsNoSignature_SaysSo()
    {
        Assert.Contains("X-HubSpot-Signature", CrmAuthenticator.Check(HubSpot("s3cret"), Request(Headers(), Body), Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00D000000000062EAA", "00D000000000062EAA", "k", true)]
    [InlineData("00D000000000062", "00D000000000062EAA", "k", true)]
    [InlineData("00D000000000062EAA", "00D000000000063EAA", "k", false)]
    [InlineData("00D000000000062EAA", "00d000000000062EAA", "k", false)]
    [InlineData("00D000000000062EAA", "00D000000000062EAA", "wrong", false)]
    public void Check_WhenSalesforce_NeedsTheUrlKeyAndTheOrganization(string configured, string received, string key, bool accepted)
    {
        var connector = new CrmConnector { Provider = CrmProvider.Salesforce, OrganizationId = configured, UrlKey = "k" };
        var request = Request(Headers(), Body, query: new Dictionary<string, string> { ["key"] = key });

        var verdict = CrmAuthenticator.Check(connector, request, Now) ?? CrmAuthenticator.SalesforceOrganization(connector, received);

        Assert.Equal(accepted, verdict is null);
    }

    public static TheoryData<DynamicsAuthMode, Dictionary<string, string>, Dictionary<string, string>, bool> DynamicsCases => new()
    {
        { DynamicsAuthMode.WebhookKey, new() { ["code"] = "abc" }, new() { ["code"] = "abc" }, true },
        { DynamicsAuthMode.WebhookKey, new() { ["code"] = "abc" }, new() { ["code"] = "abd" }, false },
        { DynamicsAuthMode.WebhookKey, new() { ["code"] = "abc" }, new(), false },
        { DynamicsAuthMode.HttpQueryString, new() { ["a"] = "1", ["b"] = "2" }, new() { ["a"] = "1", ["b"] = "2" }, true },
        { DynamicsAuthMode.HttpQueryString, new() { ["a"] = "1", ["b"] = "2" }, new() { ["a"] = "1" }, false },
        { DynamicsAuthMode.HttpHeader, new() { ["x-key"] = "v" }, new() { ["X-Key"] = "v" }, true },
        { DynamicsAuthMode.HttpHeader, new() { ["x-key"] = "v" }, new() { ["X-Key"] = "w" }, false },
    };

    [Theory]
    [MemberData(nameof(DynamicsCases))]
    public void Check_WhenDynamics_RequiresEveryConfiguredValue(DynamicsAuthMode mode, Dictionary<string, string> configured, Dictionary<string, string> sent, bool accepted)
    {
        var connector = new CrmConnector { Provider = CrmProvider.Dynamics, DynamicsAuth = mode, DynamicsValues = new(configured, StringComparer.OrdinalIgnoreCase) };
        var request = mode == DynamicsAuthMode.HttpHeader
            ? Request(new Dictionary<string, string>(sent, StringComparer.OrdinalIgnoreCase), Body)
            : Request(Headers(), Body, query: sent);

        Assert.Equal(accepted, CrmAuthenticator.Check(connector, request, Now) is null);
    }

    [Theory]
    [InlineData("hook:pa55", true)]
    [InlineData("hook:pa56", false)]
    [InlineData("Hook:pa55", false)]
    [InlineData(null, false)]
    public void Check_WhenPipedrive_ComparesBasicCredentials(string? credentials, bool accepted)
    {
        var connector = new CrmConnector { Provider = CrmProvider.Pipedrive, BasicUser = "hook", BasicPassword = "pa55" };
        var headers = credentials is null ? Headers() : Headers(("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));

        Assert.Equal(accepted, CrmAuthenticator.Check(connector, Request(headers, Body), Now) is null);
    }

    [Fact]
    public void Check_WhenGeneric_AcceptsHexHmacWithOrWithoutPrefix()
    {
        var connector = new CrmConnector { Provider = CrmProvider.Generic, Secret = "g" };
        var signature = CrmAuthenticator.GenericSignature("g", Body);

        Assert.Null(CrmAuthenticator.Check(connector, Request(Headers((connector.SignatureHeader, signature)), Body), Now));
        Assert.Null(CrmAuthenticator.Check(connector, Request(Headers((connector.SignatureHeader, "sha256=" + signature.ToUpperInvariant())), Body), Now));
        Assert.NotNull(CrmAuthenticator.Check(connector, Request(Headers((connector.SignatureHeader, CrmAuthenticator.GenericSignature("h", Body))), Body), Now));
    }

    private static CrmConnector HubSpot(string secret) => new() { Provider = CrmProvider.HubSpot, Secret = secret };

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);

    private static CrmRequest Request(Dictionary<string, string> headers, byte[] body, Uri? url = null, Dictionary<string, string>? query = null) =>
        new("POST", url ?? Url, headers, query ?? [], body);
}
