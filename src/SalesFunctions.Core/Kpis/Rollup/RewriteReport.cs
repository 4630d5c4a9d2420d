namespace SalesFunctions.Core.Kpis.Rollup;

/// <summary>What a rewrite of stored activities did: activities looked at, rewritten, and days queued for recompute.</summary>
public sealed record RewriteReport(int Examined, int Rewritten, int DaysMarked);
