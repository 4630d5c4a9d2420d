using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Activities;

[JsonConverter(typeof(JsonStringEnumConverter<ParticipantRole>))]
public enum ParticipantRole
{
    From,
    To,
    Cc,
    Organizer,
    Attendee,
}
