namespace SalesFunctions.Simulator.Organisation;

/// <param name="RepId">Set for reps; null for internal colleagues and external contacts.</param>
/// <param name="AccountId">The account of an external contact; null for free-mail contacts and internal people.</param>
public sealed record SimPerson(string Email, string Name, bool Internal, string? RepId = null, string? TeamId = null, string? AccountId = null)
{
    /// <summary>Job title of an external contact, imported with the directory; qualification reads it (economic buyer).</summary>
    public string? Title { get; init; }

    /// <summary>A contact's phone number (E.164) or a rep's Entra object id: what Teams call records name them by.</summary>
    public string? Phone { get; init; }

    public string? UserId { get; init; }
}
