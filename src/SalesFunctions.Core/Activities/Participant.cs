using System.Text.Json.Serialization;
using SalesFunctions.Core.Scoring;

namespace SalesFunctions.Core.Activities;

/// <summary>
/// One address on an activity. <see cref="Email"/> is lower-cased; <see cref="AccountId"/> and <see cref="MatchedBy"/>
/// are filled by scoring for external participants the matching ladder places at a known account. On a call,
/// <see cref="Phone"/> is the E.164 number the source gave; a participant known only by number has the key
/// "tel:+…" as <see cref="Email"/> until scoring finds the contact with that number (<see cref="E164Numbers"/>).
/// </summary>
public sealed record Participant(
    string Email,
    ParticipantRole Role,
    bool IsInternal,
    bool Declined = false,
    string? AccountId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AccountMatchMethod? MatchedBy = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone = null)
{
    public string Domain => EmailAddresses.DomainOf(Email);
}
