namespace SalesFunctions.Core.Territories;

/// <summary>What a re-territory run did: activities looked at, stamped differently, and days queued for recompute.</summary>
public sealed record TerritoryReassignmentReport(int Examined, int Restamped, int DaysMarked);
