namespace SalesFunctions.Core.Crm;

/// <summary>The CRMs whose webhooks the ingress understands; the route segment is the lower-case name.</summary>
public enum CrmProvider
{
    HubSpot,
    Salesforce,
    Dynamics,
    Pipedrive,
    Generic,
}
