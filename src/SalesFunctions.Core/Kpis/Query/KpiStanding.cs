namespace SalesFunctions.Core.Kpis.Query;

/// <param name="Rank">1 for the highest value; equal values share a rank.</param>
public sealed record KpiStanding(int Rank, string Key, decimal Value);
