using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// A logged call record as a call activity (docs/calls.md): the owner's rep on one side; on the other the logged contact
/// (their address, and their number) or, without a contact the CRM sent us, the number the call names. The activity
/// goes through scoring like captured calls, so matching, territories and privacy are the same; its id is the
/// connector's and the record's, so each change of the log rewrites the same activity.
/// </summary>
public static class CrmCallActivity
{
    /// <summary>The activity, or null when the log cannot count yet: no rep owns it, it has no start, or it was deleted.</summary>
    public static Activity? From(TenantDirectory directory, CrmOptions options, CrmRecord call, CrmRecord? contact)
    {
        if (call.Kind != CrmEntityKind.Call || call.IsDeleted
            || CrmValues.ReadInstant(call[CrmFields.StartedAt]) is not { } start
            || CrmCredits.OwnerRep(directory, options, call.ConnectorId, call[CrmFields.OwnerId]) is not { } rep)
        {
            return null;
        }

        var inbound = call[CrmFields.Direction] == "inbound";
        var number = inbound ? call[CrmFields.FromNumber] ?? call[CrmFields.ToNumber] : call[CrmFields.ToNumber] ?? call[CrmFields.FromNumber];
        var external = contact is { IsDeleted: false } && contact[CrmFields.Email] is { } email && email.Contains('@', StringComparison.Ordinal)
            ? new Participant(EmailAddresses.Normalise(email), inbound ? ParticipantRole.Organizer : ParticipantRole.Attendee, directory.IsInternal(email),
                Phone: E164Numbers.Normalise(contact[CrmFields.Phone] ?? number, directory.PhoneRegion))
            : CallNormaliser.PhoneParticipant(directory, number ?? contact?[CrmFields.Phone], inbound ? ParticipantRole.Organizer : ParticipantRole.Attendee);
        var repSide = new Participant(EmailAddresses.Normalise(rep.Email), inbound ? ParticipantRole.Attendee : ParticipantRole.Organizer, IsInternal: true);
        var seconds = CrmValues.ReadNumber(call[CrmFields.DurationSeconds]);
        var source = "crm:" + call.ConnectorId;
        return new Activity(
            directory.TenantId,
            ActivityIds.ForCall(directory.TenantId, source, call.ExternalId),
            ActivityKind.Call,
            inbound ? ActivityDirection.Inbound : ActivityDirection.Outbound,
            start.ToUniversalTime(),
            seconds is > 0 ? start.ToUniversalTime().AddSeconds((double)seconds.Value) : null,
            ConversationId: null,
            external is null ? [repSide] : [repSide, external])
        {
            CallSource = source,
            Connected = call[CrmFields.Connected] switch { "true" => true, "false" => false, _ => null },
        };
    }
}
