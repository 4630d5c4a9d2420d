namespace SalesFunctions.Simulator.Crm;

/// <summary>What a CRM play sent: requests, the answers that were not 2xx, and how long acknowledgements took.</summary>
public sealed record CrmPlayed(int Requests, IReadOnlyList<string> Errors, double AckP95Milliseconds, double AckMaxMilliseconds)
{
    public int Failed => Errors.Count;
}
