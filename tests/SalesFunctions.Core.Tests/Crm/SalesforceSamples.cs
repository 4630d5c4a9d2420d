namespace SalesFunctions.Core.Tests.Crm;

/// <summary>Outbound messages shaped by the published WSDL (salesforce/outbound-messaging-wsdl-notifications-schema-excerpt.xml).</summary>
internal static class SalesforceSamples
{
    public static string Envelope(params string[] notifications) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
         <soapenv:Body>
          <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
           <OrganizationId>00D000000000062EAA</OrganizationId>
           <ActionId>04k000000000001AAA</ActionId>
           <SessionId xsi:nil="true"/>
           <EnterpriseUrl>https://example.my.salesforce.com/services/Soap/c/60.0/00D000000000062</EnterpriseUrl>
           <PartnerUrl>https://example.my.salesforce.com/services/Soap/u/60.0/00D000000000062</PartnerUrl>
           {string.Concat(notifications)}
          </notifications>
         </soapenv:Body>
        </soapenv:Envelope>
        """;

    public static string Notification(string id, string type, string fields) => $"""
        <Notification>
         <Id>{id}</Id>
         <sObject xsi:type="sf:{type}" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">{fields}</sObject>
        </Notification>
        """;

    public static string Opportunity(string notificationId, string id, bool isClosed, bool isWon, string amount, string modstamp) =>
        Notification(notificationId, "Opportunity", $"""
            <sf:Id>{id}</sf:Id><sf:Amount>{amount}</sf:Amount><sf:CloseDate>2026-11-20</sf:CloseDate><sf:CreatedDate>2026-10-01T08:00:00.000Z</sf:CreatedDate>
            <sf:IsClosed>{(isClosed ? "true" : "false")}</sf:IsClosed><sf:IsWon>{(isWon ? "true" : "false")}</sf:IsWon><sf:Name>Big deal</sf:Name>
            <sf:OwnerId>005000000000001AAA</sf:OwnerId><sf:StageName>Closed Won</sf:StageName><sf:SystemModstamp>{modstamp}</sf:SystemModstamp>
            """);
}
