namespace SalesFunctions.Core.Activities;

/// <summary>
/// One address on an activity. <see cref="Email"/> is lower-cased; <see cref="AccountId"/> is filled by scoring
/// for external participants whose domain belongs to a known account.
/// </summary>
public sealed record Participant(
    string Email,
    ParticipantRole Role,
    bool IsInternal,
    bool Declined = false,
    string? AccountId = null)
{
    public string Domain => EmailAddresses.DomainOf(Email);
}
