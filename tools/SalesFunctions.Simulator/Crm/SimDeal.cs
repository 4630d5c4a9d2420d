namespace SalesFunctions.Simulator.Crm;

/// <summary>A simulated opportunity: its owner, the provider it lives in, and its history as dated states.</summary>
public sealed record SimDeal(string Id, string Connector, string Provider, string OwnerEmail, string OwnerRepId, string AccountId, string Title,
    decimal Amount, string Currency, DateTimeOffset CreatedAt, IReadOnlyList<SimDealState> History)
{
    public SimDealState Final => History[^1];
}

/// <param name="Stage">Pipeline stage number 1-3 while open.</param>
/// <param name="Status">"open", "won" or "lost".</param>
public sealed record SimDealState(DateTimeOffset At, int Stage, string Status);
