namespace SalesFunctions.Core.Crm;

public enum CrmEntityKind
{
    Account,
    Contact,
    Deal,
    Case,

    /// <summary>A call logged in the CRM: HubSpot call, Salesforce Task with TaskSubtype Call, Dataverse phonecall, Pipedrive activity of type call.</summary>
    Call,
}
