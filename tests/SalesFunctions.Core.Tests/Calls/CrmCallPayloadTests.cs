using System.Text;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tests.Crm;

namespace SalesFunctions.Core.Tests.Calls;

/// <summary>
/// Logged calls in each CRM's webhook shape. No CRM publishes a webhook example of a call, so each body is built from the
/// documented object schema (docs/calls.md names the fields and their sources): HubSpot's calls object (objectTypeId 0-48)
/// through generic object.* events, a Salesforce Task with TaskSubtype Call, a Dataverse phonecall, a Pipedrive activity.
/// </summary>
public sealed class CrmCallPayloadTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_WhenHubSpotCallPropertiesChange_MapsStartDurationDirectionOutcomeAndNumbers()
    {
        var body = """
            [{"eventId":1,"portalId":62515,"occurredAt":1763630000000,"subscriptionType":"object.propertyChange","objectTypeId":"0-48","objectId":77,"propertyName":"hs_timestamp","propertyValue":"1763629000000"},
             {"eventId":2,"portalId":62515,"occurredAt":1763630000001,"subscriptionType":"object.propertyChange","objectTypeId":"0-48","objectId":77,"propertyName":"hs_call_duration","propertyValue":"125400"},
             {"eventId":3,"portalId":62515,"occurredAt":1763630000002,"subscriptionType":"object.propertyChange","objectTypeId":"0-48","objectId":77,"propertyName":"hs_call_direction","propertyValue":"OUTBOUND"},
             {"eventId":4,"portalId":62515,"occurredAt":1763630000003,"subscriptionType":"object.propertyChange","objectTypeId":"0-48","objectId":77,"propertyName":"hs_call_status","propertyValue":"NO_ANSWER"},
             {"eventId":5,"portalId":62515,"occurredAt":1763630000004,"subscriptionType":"object.propertyChange","objectTypeId":"0-48","objectId":77,"propertyName":"hs_call_to_number","propertyValue":"+1 415 555 0123"},
             {"eventId":6,"portalId":62515,"occurredAt":1763630000005,"subscriptionType":"object.propertyChange","objectTypeId":"0-48","objectId":77,"propertyName":"hs_call_body","propertyValue":"notes we never keep"}]
            """;

        var payload = Parse(CrmProvider.HubSpot, body);

        Assert.All(payload.Changes, c => Assert.Equal((CrmEntityKind.Call, "77"), (c.Kind, c.ExternalId)));
        var fields = payload.Changes.SelectMany(c => c.Fields).ToDictionary();
        Assert.Equal(
            new Dictionary<string, string?>
            {
                [CrmFields.StartedAt] = DateTimeOffset.FromUnixTimeMilliseconds(1763629000000).ToString("O"), [CrmFields.DurationSeconds] = "125",
                [CrmFields.Direction] = "outbound", [CrmFields.Connected] = "false", [CrmFields.ToNumber] = "+1 415 555 0123",
            },
            fields);
        Assert.Equal(1, payload.Ignored);
    }

    [Fact]
    public void Parse_WhenSalesforceTasks_OnlyTheCallSubtypeIsACallStartingItsDurationBeforeCompletion()
    {
        var body = SalesforceSamples.Envelope(
            SalesforceSamples.Notification("04l000000000001AAA", "Task",
                "<sf:Id>00T000000000001AAA</sf:Id><sf:TaskSubtype>Call</sf:TaskSubtype><sf:CallType>Inbound</sf:CallType><sf:CallDurationInSeconds>300</sf:CallDurationInSeconds>"
                + "<sf:CompletedDateTime>2026-11-20T10:05:00.000Z</sf:CompletedDateTime><sf:OwnerId>005000000000001AAA</sf:OwnerId><sf:WhoId>003000000000001AAA</sf:WhoId>"
                + "<sf:SystemModstamp>2026-11-20T10:06:00.000Z</sf:SystemModstamp>"),
            SalesforceSamples.Notification("04l000000000002AAA", "Task",
                "<sf:Id>00T000000000002AAA</sf:Id><sf:TaskSubtype>Email</sf:TaskSubtype><sf:SystemModstamp>2026-11-20T10:06:00.000Z</sf:SystemModstamp>"));

        var payload = Parse(CrmProvider.Salesforce, body);

        var call = Assert.Single(payload.Changes);
        Assert.Equal((CrmEntityKind.Call, "00T000000000001AAA", 1), (call.Kind, call.ExternalId, payload.Ignored));
        Assert.Equal(("2026-11-20T10:00:00.0000000+00:00", "300", "inbound", "003000000000001AAA", "005000000000001AAA"),
            (call.Fields[CrmFields.StartedAt], call.Fields[CrmFields.DurationSeconds], call.Fields[CrmFields.Direction], call.Fields[CrmFields.ContactId], call.Fields[CrmFields.OwnerId]));
    }

    [Fact]
    public void Parse_WhenDataversePhonecallCreated_MapsStartMinutesDirectionNumberAndTheRegardingContact()
    {
        var body = """
            {"InputParameters":[{"key":"Target","value":{"Attributes":[
               {"key":"actualstart","value":"\/Date(1763632800000)\/"},{"key":"actualdurationminutes","value":7},
               {"key":"directioncode","value":true},{"key":"phonenumber","value":"+44 20 7946 0000"},
               {"key":"regardingobjectid","value":{"Id":"c0ffee00-0000-0000-0000-000000000001","LogicalName":"contact"}},
               {"key":"ownerid","value":{"Id":"9a0a4c3e-0000-0000-0000-000000000007","LogicalName":"systemuser"}},
               {"key":"description","value":"never kept"},{"key":"modifiedon","value":"\/Date(1763633000000)\/"}],
             "Id":"ca11ca11-0000-0000-0000-000000000001","LogicalName":"phonecall"}}],
             "MessageName":"Create","OperationCreatedOn":"\/Date(1763633000000)\/","OperationId":"0p000000-0000-0000-0000-000000000001",
             "PrimaryEntityId":"ca11ca11-0000-0000-0000-000000000001","PrimaryEntityName":"phonecall","PostEntityImages":[]}
            """;

        var call = Assert.Single(Parse(CrmProvider.Dynamics, body).Changes);

        Assert.Equal(CrmEntityKind.Call, call.Kind);
        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1763632800000).ToString("O"), "420", "outbound", "+44 20 7946 0000", "c0ffee00-0000-0000-0000-000000000001"),
            (call.Fields[CrmFields.StartedAt], call.Fields[CrmFields.DurationSeconds], call.Fields[CrmFields.Direction], call.Fields[CrmFields.ToNumber], call.Fields[CrmFields.ContactId]));
        Assert.DoesNotContain(call.Fields.Values, v => v == "never kept");
    }

    [Theory]
    [InlineData("call", 1)]
    [InlineData("meeting", 0)]
    public void Parse_WhenPipedriveActivity_OnlyTypeCallIsACall(string type, int calls)
    {
        var body = """
            {"data":{"id":42,"type":"TYPE","due_date":"2026-11-20","due_time":"09:30","duration":"00:15","owner_id":7,"person_id":12,"org_id":3,"note":"never kept"},
             "previous":null,"meta":{"action":"create","entity":"activity","entity_id":"42","id":"ev-1","timestamp":"2026-11-20T09:50:00.000Z","version":"2.0"}}
            """.Replace("TYPE", type, StringComparison.Ordinal);

        var payload = Parse(CrmProvider.Pipedrive, body);

        Assert.Equal(calls, payload.Changes.Count);
        if (calls == 1)
        {
            var fields = payload.Changes[0].Fields;
            Assert.Equal(("2026-11-20T09:30:00.0000000+00:00", "900", "7", "12"),
                (fields[CrmFields.StartedAt], fields[CrmFields.DurationSeconds], fields[CrmFields.OwnerId], fields[CrmFields.ContactId]));
        }
    }

    [Fact]
    public void From_WhenALoggedCallHasAnOwnerRepAndAContact_IsACallOfTheRepWithTheContactAndTheirNumber()
    {
        var directory = TestData.Directory() with { PhoneRegion = "US" };
        var options = new CrmOptions { Connectors = { ["hs"] = new CrmConnector { TenantId = TestData.Tenant, Provider = CrmProvider.HubSpot, Owners = { ["u-ava"] = TestData.Ava } } } };
        var call = Record(CrmEntityKind.Call, "77", (CrmFields.OwnerId, "u-ava"), (CrmFields.StartedAt, "2026-11-20T10:00:00Z"), (CrmFields.DurationSeconds, "600"),
            (CrmFields.Direction, "outbound"), (CrmFields.Connected, "true"), (CrmFields.ContactId, "12"), (CrmFields.ToNumber, "415-555-0123"));
        var contact = Record(CrmEntityKind.Contact, "12", (CrmFields.Email, "Kim@Northwind.example"));

        var activity = CrmCallActivity.From(directory, options, call, contact)!;

        Assert.Equal((ActivityKind.Call, "crm:hs", (bool?)true, 10), (activity.Kind, activity.CallSource, activity.Connected, activity.DurationMinutes));
        Assert.Equal([(TestData.Ava, true, (string?)null), (TestData.Kim, false, "+14155550123")], activity.Participants.Select(p => (p.Email, p.IsInternal, p.Phone)));
        Assert.Null(CrmCallActivity.From(directory, options, Record(CrmEntityKind.Call, "78", (CrmFields.OwnerId, "u-unknown"), (CrmFields.StartedAt, "2026-11-20T10:00:00Z")), null));
    }

    private static CrmRecord Record(CrmEntityKind kind, string id, params (string Field, string? Value)[] fields)
    {
        var record = new CrmRecord(TestData.Tenant, "hs", kind, id);
        record.Apply(new CrmChange("e-" + id, kind, id, ReceivedAt, fields.ToDictionary(f => f.Field, f => f.Value)));
        return record;
    }

    private static CrmPayload Parse(CrmProvider provider, string body) =>
        CrmPayload.Parse(new CrmConnector { Provider = provider }, Encoding.UTF8.GetBytes(body), new Dictionary<string, string>(), ReceivedAt);
}
