namespace SalesFunctions.Core.Crm;

/// <summary>Something a connector's setup lacks, seen in a payload that was accepted all the same; shown in the admin status.</summary>
/// <param name="LastSeen">When a payload last showed it.</param>
public sealed record CrmConnectorWarning(string TenantId, string ConnectorId, string Warning, DateTimeOffset LastSeen);
