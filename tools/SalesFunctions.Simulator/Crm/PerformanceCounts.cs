namespace SalesFunctions.Simulator.Crm;

/// <summary>One rep-day of performance ground truth.</summary>
public sealed class PerformanceCounts
{
    public int DealsCreated { get; set; }

    public int DealsWon { get; set; }

    public int DealsLost { get; set; }

    public decimal RevenueWon { get; set; }

    public int CasesOpened { get; set; }

    public int CasesResolved { get; set; }
}
