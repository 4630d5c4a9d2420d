using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SalesFunctions.Simulator.Crm;

/// <summary>
/// Writes each simulated change the way its CRM would send it: HubSpot's event arrays signed with v3, Salesforce's SOAP
/// outbound messages with the org id and URL key, Dataverse RemoteExecutionContexts with ?code=, Pipedrive v2 bodies with
/// Basic auth, and generic events with a hex HMAC. Independent of the Host's code, so the Host is tested against it.
/// </summary>
public static class CrmWebhookWriter
{
    public static HttpRequestMessage Deal(Uri host, SimDeal deal, int stateIndex, DateTimeOffset now)
    {
        var state = deal.History[stateIndex];
        return deal.Provider switch
        {
            "hubspot" => HubSpot(host, HubSpotDealEvents(deal, stateIndex), now),
            "salesforce" => Salesforce(host, SalesforceOpportunity(deal, state)),
            "dynamics" => Dynamics(host, DynamicsOpportunity(deal, state, stateIndex == 0)),
            "pipedrive" => Pipedrive(host, PipedriveDeal(deal, state, stateIndex == 0)),
            _ => Generic(host, JsonSerializer.Serialize(new { events = new[] { GenericDeal(deal, state) } })),
        };
    }

    public static HttpRequestMessage Case(Uri host, SimCase item, bool resolved)
    {
        var at = resolved ? item.ResolvedAt!.Value : item.OpenedAt;
        var fields = new Dictionary<string, object?>
        {
            ["openedAt"] = Iso(item.OpenedAt), ["ownerId"] = item.OwnerEmail, ["accountId"] = item.AccountId,
            ["resolvedAt"] = resolved ? Iso(at) : null, ["status"] = resolved ? "resolved" : "open",
        };
        return Generic(host, JsonSerializer.Serialize(new { events = new[] { new { id = $"{item.Id}-{(resolved ? "resolved" : "opened")}", entity = "case", recordId = item.Id, occurredAt = Iso(at), fields } } }));
    }

    private static HttpRequestMessage HubSpot(Uri host, string body, DateTimeOffset now)
    {
        var url = new Uri(host, $"api/crm/hubspot/{CrmDemoConnectors.HubSpot}");
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CrmDemoConnectors.HubSpotSecret),
            Encoding.UTF8.GetBytes("POST" + url.AbsoluteUri + body + timestamp)));
        var request = Json(url, body);
        request.Headers.Add("X-HubSpot-Signature-v3", signature);
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return request;
    }

    /// <summary>A logged call as HubSpot's generic object events (calls are objectTypeId 0-48): the creation, then one per property.</summary>
    public static HttpRequestMessage HubSpotCall(Uri host, Calls.SimCall call, DateTimeOffset now)
    {
        var occurredAt = call.Start.AddSeconds(call.LogOffsetSeconds + 30).ToUnixTimeMilliseconds();
        var sequence = 0;
        object Event(string type, string? name = null, string? value = null) => new
        {
            eventId = (call.CrmId * 100) + sequence++, subscriptionId = 4250, portalId = 62515, appId = 54321, occurredAt, subscriptionType = type,
            objectTypeId = "0-48", attemptNumber = 0, objectId = call.CrmId, changeSource = "CRM", propertyName = name, propertyValue = value,
        };
        var events = Calls.CallPlayer.HubSpotProperties(call).Select(p => Event("object.propertyChange", p.Name, p.Value)).Prepend(Event("object.creation")).ToList();
        return HubSpot(host, JsonSerializer.Serialize(events), now);
    }

    /// <summary>HubSpot sends one event per property change; creation carries no properties.</summary>
    private static string HubSpotDealEvents(SimDeal deal, int stateIndex)
    {
        var state = deal.History[stateIndex];
        var occurredAt = state.At.ToUnixTimeMilliseconds();
        var events = new List<object>();
        var sequence = 0;
        void Property(string name, string value) => events.Add(new
        {
            eventId = (long.Parse(deal.Id, CultureInfo.InvariantCulture) * 100) + (stateIndex * 10) + sequence++, subscriptionId = 4242, portalId = 62515,
            appId = 54321, occurredAt, subscriptionType = "deal.propertyChange", attemptNumber = 0, objectId = long.Parse(deal.Id, CultureInfo.InvariantCulture),
            changeSource = "CRM", propertyName = name, propertyValue = value,
        });

        if (stateIndex == 0)
        {
            events.Add(new
            {
                eventId = long.Parse(deal.Id, CultureInfo.InvariantCulture) * 100 + 99, subscriptionId = 4241, portalId = 62515, appId = 54321, occurredAt,
                subscriptionType = "deal.creation", attemptNumber = 0, objectId = long.Parse(deal.Id, CultureInfo.InvariantCulture), changeSource = "CRM", changeFlag = "NEW",
            });
            Property("dealname", deal.Title);
            Property("amount", deal.Amount.ToString(CultureInfo.InvariantCulture));
            Property("deal_currency_code", deal.Currency);
            Property("hubspot_owner_id", deal.OwnerEmail);
        }

        Property("dealstage", state.Status switch { "won" => "closedwon", "lost" => "closedlost", _ => $"stage{state.Stage}" });
        return JsonSerializer.Serialize(events);
    }

    private static HttpRequestMessage Salesforce(Uri host, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, $"api/crm/salesforce/{CrmDemoConnectors.Salesforce}?key={CrmDemoConnectors.SalesforceUrlKey}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "text/xml"),
        };
        request.Headers.Add("SOAPAction", "\"\"");
        return request;
    }

    /// <summary>Salesforce sends the record as it is at send time, with the fields the outbound message selects.</summary>
    private static string SalesforceOpportunity(SimDeal deal, SimDealState state)
    {
        var closed = state.Status != "open";
        var notificationId = "04l" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{deal.Id}|{state.At:O}")))[..12] + "AAA";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
             <soapenv:Body>
              <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
               <OrganizationId>{CrmDemoConnectors.SalesforceOrganizationId}</OrganizationId>
               <ActionId>04k5g000000DEMOAAA</ActionId>
               <SessionId xsi:nil="true"/>
               <EnterpriseUrl>https://demo.my.salesforce.com/services/Soap/c/60.0/00D5g000004DEMO</EnterpriseUrl>
               <PartnerUrl>https://demo.my.salesforce.com/services/Soap/u/60.0/00D5g000004DEMO</PartnerUrl>
               <Notification>
                <Id>{notificationId}</Id>
                <sObject xsi:type="sf:Opportunity" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
                 <sf:Id>{deal.Id}</sf:Id>
                 <sf:AccountId>{deal.AccountId}</sf:AccountId>
                 <sf:Amount>{deal.Amount.ToString("0.0", CultureInfo.InvariantCulture)}</sf:Amount>
                 <sf:CloseDate>{state.At:yyyy-MM-dd}</sf:CloseDate>
                 <sf:CreatedDate>{deal.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}</sf:CreatedDate>
                 <sf:CurrencyIsoCode>{deal.Currency}</sf:CurrencyIsoCode>
                 <sf:IsClosed>{(closed ? "true" : "false")}</sf:IsClosed>
                 <sf:IsWon>{(state.Status == "won" ? "true" : "false")}</sf:IsWon>
                 <sf:Name>{System.Security.SecurityElement.Escape(deal.Title)}</sf:Name>
                 <sf:OwnerId>{deal.OwnerEmail}</sf:OwnerId>
                 <sf:StageName>{(state.Status == "won" ? "Closed Won" : state.Status == "lost" ? "Closed Lost" : $"Stage {state.Stage}")}</sf:StageName>
                 <sf:SystemModstamp>{state.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}</sf:SystemModstamp>
                </sObject>
               </Notification>
              </notifications>
             </soapenv:Body>
            </soapenv:Envelope>
            """;
    }

    private static HttpRequestMessage Dynamics(Uri host, string body)
    {
        var request = Json(new Uri(host, $"api/crm/dynamics/{CrmDemoConnectors.Dynamics}?code={CrmDemoConnectors.DynamicsCode}"), body);
        request.Headers.Add("x-ms-dynamics-organization", "demo.crm.dynamics.com");
        request.Headers.Add("x-ms-dynamics-entity-name", "opportunity");
        return request;
    }

    private static string DynamicsOpportunity(SimDeal deal, SimDealState state, bool create)
    {
        static object Attribute(string key, object? value) => new Dictionary<string, object?> { ["key"] = key, ["value"] = value };
        static string Date(DateTimeOffset at) => $"/Date({at.ToUnixTimeMilliseconds()})/";
        var attributes = new List<object>
        {
            Attribute("name", deal.Title),
            Attribute("estimatedvalue", new Dictionary<string, object> { ["__type"] = "Money:http://schemas.microsoft.com/xrm/2011/Contracts", ["Value"] = deal.Amount }),
            Attribute("statecode", new Dictionary<string, object> { ["__type"] = "OptionSetValue:http://schemas.microsoft.com/xrm/2011/Contracts", ["Value"] = state.Status switch { "won" => 1, "lost" => 2, _ => 0 } }),
            Attribute("createdon", Date(deal.CreatedAt)),
            Attribute("modifiedon", Date(state.At)),
            Attribute("ownerid", new Dictionary<string, object?> { ["__type"] = "EntityReference:http://schemas.microsoft.com/xrm/2011/Contracts", ["Id"] = deal.OwnerEmail, ["LogicalName"] = "systemuser", ["Name"] = null }),
        };
        if (state.Status != "open")
        {
            attributes.Add(Attribute("actualclosedate", Date(state.At)));
        }

        if (state.Status == "won")
        {
            attributes.Add(Attribute("actualvalue", new Dictionary<string, object> { ["__type"] = "Money:http://schemas.microsoft.com/xrm/2011/Contracts", ["Value"] = deal.Amount }));
        }

        var operation = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{deal.Id}|{state.At:O}"))[..16]);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["CorrelationId"] = Guid.Empty, ["Depth"] = 1, ["MessageName"] = create ? "Create" : "Update", ["Mode"] = 1, ["Stage"] = 40,
            ["OperationCreatedOn"] = Date(state.At), ["OperationId"] = operation, ["PrimaryEntityId"] = deal.Id, ["PrimaryEntityName"] = "opportunity",
            ["InputParameters"] = new[] { new Dictionary<string, object> { ["key"] = "Target", ["value"] = new Dictionary<string, object> { ["Attributes"] = attributes, ["Id"] = deal.Id, ["LogicalName"] = "opportunity" } } },
            ["PostEntityImages"] = Array.Empty<object>(), ["PreEntityImages"] = Array.Empty<object>(),
        });
    }

    private static HttpRequestMessage Pipedrive(Uri host, string body)
    {
        var request = Json(new Uri(host, $"api/crm/pipedrive/{CrmDemoConnectors.Pipedrive}"), body);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CrmDemoConnectors.PipedriveUser}:{CrmDemoConnectors.PipedrivePassword}")));
        return request;
    }

    private static string PipedriveDeal(SimDeal deal, SimDealState state, bool create) => JsonSerializer.Serialize(new
    {
        data = new
        {
            id = long.Parse(deal.Id, CultureInfo.InvariantCulture), title = deal.Title, value = deal.Amount, currency = deal.Currency, status = state.Status,
            stage_id = state.Stage, pipeline_id = 1, owner_id = deal.OwnerEmail, add_time = Iso(deal.CreatedAt), org_id = deal.AccountId,
            won_time = state.Status == "won" ? Iso(state.At) : null, lost_time = state.Status == "lost" ? Iso(state.At) : null,
            update_time = Iso(state.At),
        },
        previous = create ? null : new { status = "open" },
        meta = new
        {
            action = create ? "create" : "change", entity = "deal", entity_id = deal.Id, company_id = "8087566",
            id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"pd|{deal.Id}|{state.At:O}"))[..16]).ToString(), is_bulk_edit = false,
            timestamp = Iso(state.At), type = "general", user_id = "12415231", version = "2.0", webhook_id = "4710827", change_source = "app", attempt = 1,
            host = "demo.pipedrive.com",
        },
    });

    private static object GenericDeal(SimDeal deal, SimDealState state) => new
    {
        id = $"{deal.Id}@{state.At.ToUnixTimeMilliseconds()}",
        entity = "deal",
        recordId = deal.Id,
        occurredAt = Iso(state.At),
        fields = new Dictionary<string, object?>
        {
            ["name"] = deal.Title, ["amount"] = deal.Amount, ["currency"] = deal.Currency, ["ownerId"] = deal.OwnerEmail, ["accountId"] = deal.AccountId,
            ["createdAt"] = Iso(deal.CreatedAt), ["stage"] = $"stage{state.Stage}", ["status"] = state.Status,
            ["closedAt"] = state.Status == "open" ? null : Iso(state.At),
        },
    };

    private static HttpRequestMessage Generic(Uri host, string body)
    {
        var request = Json(new Uri(host, $"api/crm/generic/{CrmDemoConnectors.Generic}"), body);
        request.Headers.Add("X-SalesFunctions-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CrmDemoConnectors.GenericSecret), Encoding.UTF8.GetBytes(body))));
        return request;
    }

    private static HttpRequestMessage Json(Uri url, string body) => new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
