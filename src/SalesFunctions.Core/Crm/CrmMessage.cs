namespace SalesFunctions.Core.Crm;

/// <summary>The "crm" queue message: which stored payload to process for which connector. Never the payload itself.</summary>
/// <param name="Trimmed">Dataverse removed the images and InputParameters because the context exceeded 256 KB.</param>
public sealed record CrmMessage(string TenantId, string ConnectorId, CrmProvider Provider, string PayloadName, DateTimeOffset ReceivedAt, bool Trimmed = false);
