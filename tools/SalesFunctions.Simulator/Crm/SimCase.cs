namespace SalesFunctions.Simulator.Crm;

/// <summary>A simulated service case, sent through the generic connector.</summary>
public sealed record SimCase(string Id, string OwnerEmail, string OwnerRepId, string AccountId, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt);
