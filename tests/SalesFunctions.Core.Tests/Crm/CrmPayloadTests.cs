using System.Text;
using SalesFunctions.Core.Crm;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Crm;

public sealed class CrmPayloadTests
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    [Fact]
    public void Parse_WhenHubSpotDocsExample_IsAContactCreatedAtOccurredAt()
    {
        var payload = Parse(CrmProvider.HubSpot, File.ReadAllBytes(Fixtures.Path("hubspot", "webhook-contact-creation-v1-docs-example.body.json")));

        var change = Assert.Single(payload.Changes);
        Assert.Equal((CrmEntityKind.Contact, "123", "1:123:1564113600000"), (change.Kind, change.ExternalId, change.EventId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1564113600000), change.Version);
        Assert.Equal("2019-07-26T04:00:00.0000000+00:00", change.Fields[CrmFields.CreatedAt]);
    }

    [Fact]
    public void Parse_WhenHubSpotDealPropertyChanges_MapsStageToStatusAndSkipsUnmodelledObjects()
    {
        var body = """
            [{"eventId":7,"subscriptionId":1,"portalId":62515,"occurredAt":1764000000000,"subscriptionType":"deal.propertyChange","attemptNumber":0,"objectId":900,"propertyName":"dealstage","propertyValue":"closedwon"},
             {"eventId":8,"subscriptionId":1,"portalId":62515,"occurredAt":1764000000001,"subscriptionType":"deal.propertyChange","attemptNumber":0,"objectId":900,"propertyName":"amount","propertyValue":"1250.50"},
             {"eventId":9,"subscriptionId":1,"portalId":62515,"occurredAt":1764000000002,"subscriptionType":"deal.propertyChange","attemptNumber":0,"objectId":900,"propertyName":"hs_secret_note","propertyValue":"x"},
             {"eventId":10,"subscriptionId":1,"portalId":62515,"occurredAt":1764000000003,"subscriptionType":"product.creation","attemptNumber":0,"objectId":5}]
            """;

        var payload = Parse(CrmProvider.HubSpot, Encoding.UTF8.GetBytes(body));

        Assert.Equal(2, payload.Changes.Count);
        Assert.Equal(2, payload.Ignored);
        Assert.Equal(CrmFields.Won, payload.Changes[0].Fields[CrmFields.Status]);
        Assert.Equal("1250.50", payload.Changes[1].Fields[CrmFields.Amount]);
    }

    [Theory]
    [InlineData("{\"eventId\":1}", "JSON array")]
    [InlineData("[{\"eventId\":1}]", "lacks")]
    [InlineData("not json", "Not JSON")]
    public void Parse_WhenHubSpotBodyMalformed_Throws(string body, string reason)
    {
        var error = Assert.Throws<CrmPayloadException>(() => Parse(CrmProvider.HubSpot, Encoding.UTF8.GetBytes(body)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenPipedriveV2DocsExample_IsAnOpenDealWithItsAmountOwnerAndCreationTime()
    {
        var payload = Parse(CrmProvider.Pipedrive, File.ReadAllBytes(Fixtures.Path("pipedrive", "webhook-v2-deal-create-docs-example.json")));

        var change = Assert.Single(payload.Changes);
        Assert.Equal((CrmEntityKind.Deal, "8", "71825ee0-0054-4267-b5fd-d28b7a414212"), (change.Kind, change.ExternalId, change.EventId));
        Assert.Equal(DateTimeOffset.Parse("2022-11-24T13:18:56.089Z", System.Globalization.CultureInfo.InvariantCulture), change.Version);
        Assert.Equal(("Sample Org deal", "100", "EUR", CrmFields.Open, "12415231", "1"),
            (change.Fields[CrmFields.Name], change.Fields[CrmFields.Amount], change.Fields[CrmFields.Currency], change.Fields[CrmFields.Status],
                change.Fields[CrmFields.OwnerId], change.Fields[CrmFields.AccountId]));
        Assert.Equal("2022-11-24T13:18:55.0000000+00:00", change.Fields[CrmFields.CreatedAt]);
        Assert.Null(change.Fields[CrmFields.ClosedAt]);
    }

    [Fact]
    public void Parse_WhenPipedriveDealWon_CarriesWonTimeAsClosedAt()
    {
        var body = """
            {"data":{"id":8,"title":"Deal","value":4000,"currency":"USD","status":"won","won_time":"2026-11-20T09:30:00Z","owner_id":7,"add_time":"2026-11-01T08:00:00Z"},
             "previous":{"status":"open"},
             "meta":{"action":"change","entity":"deal","entity_id":"8","id":"e-2","timestamp":"2026-11-20T09:30:01.000Z","version":"2.0"}}
            """;

        var change = Assert.Single(Parse(CrmProvider.Pipedrive, Encoding.UTF8.GetBytes(body)).Changes);

        Assert.Equal((CrmFields.Won, "2026-11-20T09:30:00.0000000+00:00"), (change.Fields[CrmFields.Status], change.Fields[CrmFields.ClosedAt]));
    }

    [Fact]
    public void Parse_WhenPipedriveV1Deleted_TakesTheRecordFromPreviousAndMarksItDeleted()
    {
        var body = """
            {"v":1,"meta":{"v":1,"action":"deleted","object":"deal","id":31,"timestamp":1764000000,"timestamp_micro":1764000000123456},
             "current":null,"previous":{"id":31,"title":"Old","value":10,"currency":"USD","status":"open"},"event":"deleted.deal","retry":0}
            """;

        var change = Assert.Single(Parse(CrmProvider.Pipedrive, Encoding.UTF8.GetBytes(body)).Changes);

        Assert.Equal(("31", "true"), (change.ExternalId, change.Fields[CrmFields.Deleted]));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764000000).AddTicks(1234560), change.Version);
    }

    [Fact]
    public void Parse_WhenPipedriveDocsTemplate_RefusesItAsNotJson()
    {
        var template = File.ReadAllBytes(Fixtures.Path("pipedrive", "webhook-v2-format-template.verbatim-invalid-json.txt"));

        Assert.Throws<CrmPayloadException>(() => Parse(CrmProvider.Pipedrive, template));
    }

    [Fact]
    public void Parse_WhenSalesforceOutboundMessage_MapsEachNotificationAndReportsTheOrganization()
    {
        var payload = Parse(CrmProvider.Salesforce, Encoding.UTF8.GetBytes(SalesforceSamples.Envelope(
            SalesforceSamples.Opportunity("04l000000000001AAA", "006000000000001AAA", isClosed: true, isWon: true, amount: "25000.0", modstamp: "2026-11-20T10:00:00.000Z"),
            SalesforceSamples.Notification("04l000000000002AAA", "Lead", "<sf:Id>00Q000000000001AAA</sf:Id>"))));

        Assert.Equal("00D000000000062EAA", payload.OrganizationId);
        Assert.Equal(1, payload.Ignored);
        var change = Assert.Single(payload.Changes);
        Assert.Equal((CrmEntityKind.Deal, "006000000000001AAA", "04l000000000001AAA"), (change.Kind, change.ExternalId, change.EventId));
        Assert.Equal((CrmFields.Won, "25000.0", "005000000000001AAA"), (change.Fields[CrmFields.Status], change.Fields[CrmFields.Amount], change.Fields[CrmFields.OwnerId]));
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), change.Version);
    }

    [Fact]
    public void Parse_WhenSalesforceNotificationHasNoModstamp_AcceptsItVersionedByReceiveTimeWithAWarning()
    {
        var body = SalesforceSamples.Envelope(SalesforceSamples.Notification("04l000000000001AAA", "Opportunity", "<sf:Id>006000000000001AAA</sf:Id><sf:IsClosed>false</sf:IsClosed>"));

        var payload = Parse(CrmProvider.Salesforce, Encoding.UTF8.GetBytes(body));

        var change = Assert.Single(payload.Changes);
        Assert.Equal((ReceivedAt, CrmFields.Open), (change.Version, change.Fields[CrmFields.Status]));
        Assert.Contains("SystemModstamp", Assert.Single(payload.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<x/>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")]
    [InlineData("{}")]
    public void Parse_WhenNotASalesforceEnvelope_Throws(string body)
    {
        Assert.Throws<CrmPayloadException>(() => Parse(CrmProvider.Salesforce, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void SalesforceAck_IsTheNotificationsResponseOfThePublishedExample()
    {
        var published = System.Xml.Linq.XDocument.Load(Fixtures.Path("salesforce", "outbound-message-ack-response.xml"));
        var ours = System.Xml.Linq.XDocument.Parse(SalesforcePayload.Ack);
        System.Xml.Linq.XNamespace outbound = "http://soap.sforce.com/2005/09/outbound";

        Assert.Equal(published.Root!.Name, ours.Root!.Name);
        Assert.Equal("true", ours.Descendants(outbound + "notificationsResponse").Single().Element(outbound + "Ack")!.Value);
        Assert.Equal(
            published.Descendants().Select(e => e.Name).ToList(),
            ours.Descendants().Select(e => e.Name).ToList());
    }

    [Fact]
    public void Parse_WhenDynamicsContactUpdate_MapsTheTargetAttributesAndVersionsByModifiedOn()
    {
        var payload = Parse(CrmProvider.Dynamics, Encoding.UTF8.GetBytes(DynamicsSamples.ContactUpdate));

        var change = Assert.Single(payload.Changes);
        Assert.Equal((CrmEntityKind.Contact, "3d0fd0e4-6ba2-e711-a94e-000d3a1a7a9b"), (change.Kind, change.ExternalId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1506409448000), change.Version);
        Assert.Equal(("Tester", "Director"), (change.Fields[CrmFields.LastName], change.Fields[CrmFields.Title]));
        Assert.False(change.Fields.ContainsKey(CrmFields.Email));
    }

    [Fact]
    public void Parse_WhenDynamicsOpportunityWon_IsWonWithTheActualValue()
    {
        var payload = Parse(CrmProvider.Dynamics, Encoding.UTF8.GetBytes(DynamicsSamples.OpportunityWon));

        var change = Assert.Single(payload.Changes);
        Assert.Equal((CrmFields.Won, "52000.00", "9a0a4c3e-0000-0000-0000-000000000007"),
            (change.Fields[CrmFields.Status], change.Fields[CrmFields.Amount], change.Fields[CrmFields.OwnerId]));
        Assert.Equal("2025-11-19T15:00:00.0000000+00:00", change.Fields[CrmFields.ClosedAt]);
    }

    [Fact]
    public void Parse_WhenDynamicsTrimmedTheContext_KnowsOnlyTheRecord()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-ms-dynamics-msg-size-exceeded"] = "true" };

        var change = Assert.Single(CrmPayload.Parse(Connector(CrmProvider.Dynamics), Encoding.UTF8.GetBytes(DynamicsSamples.OpportunityWon), headers, ReceivedAt).Changes);

        Assert.Equal([CrmFields.Deleted], change.Fields.Keys);
    }

    [Fact]
    public void Parse_WhenGenericEvents_UsesTheModelFieldNames_AndRefusesOthers()
    {
        var good = """{"events":[{"id":"e1","entity":"case","recordId":"c-1","occurredAt":"2026-11-20T10:00:00Z","fields":{"openedAt":"2026-11-20T10:00:00Z","csat":4}}]}""";
        var bad = """{"events":[{"id":"e1","entity":"case","recordId":"c-1","occurredAt":"2026-11-20T10:00:00Z","fields":{"password":"x"}}]}""";

        var change = Assert.Single(Parse(CrmProvider.Generic, Encoding.UTF8.GetBytes(good)).Changes);
        Assert.Equal((CrmEntityKind.Case, "4"), (change.Kind, change.Fields[CrmFields.Csat]));
        Assert.Contains("password", Assert.Throws<CrmPayloadException>(() => Parse(CrmProvider.Generic, Encoding.UTF8.GetBytes(bad))).Message, StringComparison.Ordinal);
    }

    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static CrmPayload Parse(CrmProvider provider, byte[] body) => CrmPayload.Parse(Connector(provider), body, NoHeaders, ReceivedAt);

    private static CrmConnector Connector(CrmProvider provider) => new() { Provider = provider };
}
