using System.Text.Json.Serialization;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Core.Activities;

/// <summary>
/// One address on an activity. <see cref="Email"/> is lower-cased; <see cref="AccountId"/> and <see cref="MatchedBy"/>
/// are filled by scoring for external participants the matching ladder places at a known account.
/// </summary>
public sealed record Participant(
    string Email,
    ParticipantRole Role,
    bool IsInternal,
    bool Declined = false,
    string? AccountId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AccountMatchMethod? MatchedBy = null)
{
    public string Domain => EmailAddresses.DomainOf(Email);
}
