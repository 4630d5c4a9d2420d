using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Capture;

/// <summary>
/// Maps Teams call records and PSTN log rows to call activities (docs/calls.md). A rep is found by Entra object id, then
/// by user principal name; a colleague by an internal domain (or, without a UPN, by sharing the Entra tenant of a rep on
/// the call); everyone else is external: a federated user by UPN, a guest by Entra id, a caller by E.164 number. A call
/// with no external participant is stored like internal mail (if the policy keeps it) and counts for no one.
/// </summary>
public static class CallNormaliser
{
    public const string TeamsSource = "teams";
    public const string PstnSource = "pstn";

    /// <summary>The participant key of an Entra identity without an address (a guest, a user Graph gives no UPN for).</summary>
    public const string EntraScheme = "entra:";

    public static Normalised FromCallRecord(TenantDirectory directory, CallRecordMetadata record)
    {
        var id = ActivityIds.ForCall(directory.TenantId, TeamsSource, record.Id);

        // A Teams meeting's call record has its join URL; the calendar already captures the meeting.
        if (!string.IsNullOrWhiteSpace(record.JoinWebUrl))
        {
            return new Normalised(null, CaptureOutcome.OnlineMeeting, id);
        }

        if (!record.Modalities.Any(m => m.Equals("audio", StringComparison.OrdinalIgnoreCase) || m.Equals("video", StringComparison.OrdinalIgnoreCase)))
        {
            return new Normalised(null, CaptureOutcome.NotACall, id);
        }

        if (record.Start is not { } start)
        {
            return new Normalised(null, CaptureOutcome.NoTime, id);
        }

        var identities = (record.Organizer is null ? [] : new[] { (Identity: record.Organizer, Role: ParticipantRole.Organizer) })
            .Concat(record.Participants.Select(p => (Identity: p, Role: ParticipantRole.Attendee)))
            .ToList();
        var repTenants = identities.Where(i => i.Identity.Kind == CallIdentityKind.User && RepOf(directory, i.Identity) is not null && i.Identity.TenantId is not null)
            .Select(i => i.Identity.TenantId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var participants = Distinct(identities.Select(i => Participant(directory, i.Identity, i.Role, repTenants)).OfType<Participant>());
        var organizerInternal = participants.FirstOrDefault(p => p.Role == ParticipantRole.Organizer)?.IsInternal ?? false;
        return Apply(directory, new Activity(
            directory.TenantId, id, ActivityKind.Call, organizerInternal ? ActivityDirection.Outbound : ActivityDirection.Inbound,
            start.ToUniversalTime(), record.End?.ToUniversalTime(), ConversationId: null, participants)
        {
            CallSource = TeamsSource,
        }, id);
    }

    public static Normalised FromPstnRow(TenantDirectory directory, PstnCallRow row)
    {
        var id = ActivityIds.ForCall(directory.TenantId, PstnSource, row.CallId + "|" + row.Start?.ToUniversalTime().ToString("O"));
        var type = row.CallType ?? string.Empty;

        // Audio-conference legs (conf_in, conf_out) are dial-ins to meetings, which the calendar captures.
        if (type.StartsWith("conf", StringComparison.OrdinalIgnoreCase))
        {
            return new Normalised(null, CaptureOutcome.NotACall, id);
        }

        if (row.Start is not { } start)
        {
            return new Normalised(null, CaptureOutcome.NoTime, id);
        }

        var inbound = type.EndsWith("_in", StringComparison.OrdinalIgnoreCase) || type.Equals("in", StringComparison.OrdinalIgnoreCase);
        var rep = new CallIdentity(CallIdentityKind.User, row.UserId, row.UserPrincipalName);
        var other = new CallIdentity(CallIdentityKind.Phone, inbound ? row.CallerNumber : row.CalleeNumber);
        var participants = Distinct(new[]
        {
            Participant(directory, rep, inbound ? ParticipantRole.Attendee : ParticipantRole.Organizer, []),
            Participant(directory, other, inbound ? ParticipantRole.Organizer : ParticipantRole.Attendee, []),
        }.OfType<Participant>());
        var end = row.End ?? (row.DurationSeconds is { } seconds ? start.AddSeconds(seconds) : null);
        return Apply(directory, new Activity(
            directory.TenantId, id, ActivityKind.Call, inbound ? ActivityDirection.Inbound : ActivityDirection.Outbound,
            start.ToUniversalTime(), end?.ToUniversalTime(), ConversationId: null, participants)
        {
            CallSource = PstnSource,
            Connected = row.DurationSeconds is { } duration ? duration > 0 : null,
        }, id);
    }

    /// <summary>The participant for a phone number in any written form: keyed by its E.164 form, or null when it is no number.</summary>
    public static Participant? PhoneParticipant(TenantDirectory directory, string? number, ParticipantRole role) =>
        E164Numbers.Normalise(number, directory.PhoneRegion) is { } e164
            ? new Participant(E164Numbers.Key(e164), role, IsInternal: false, Phone: e164)
            : null;

    private static Normalised Apply(TenantDirectory directory, Activity activity, string id) =>
        PrivacyFilter.Apply(directory.Privacy, activity) with { Key = id };

    private static Rep? RepOf(TenantDirectory directory, CallIdentity identity) =>
        (identity.Id is { } userId ? directory.RepByUserId(userId) : null)
        ?? (identity.UserPrincipalName is { } upn ? directory.RepByEmail(upn) : null);

    private static Participant? Participant(TenantDirectory directory, CallIdentity identity, ParticipantRole role, HashSet<string> repTenants)
    {
        switch (identity.Kind)
        {
            case CallIdentityKind.Phone:
                return PhoneParticipant(directory, identity.Id, role);
            case CallIdentityKind.Guest when !string.IsNullOrWhiteSpace(identity.Id):
                return new Participant(EntraScheme + identity.Id.Trim().ToLowerInvariant(), role, IsInternal: false);
            case CallIdentityKind.User:
                if (RepOf(directory, identity) is { } rep)
                {
                    return new Participant(EmailAddresses.Normalise(rep.Email), role, IsInternal: true);
                }

                if (!string.IsNullOrWhiteSpace(identity.UserPrincipalName))
                {
                    var upn = EmailAddresses.Normalise(identity.UserPrincipalName);
                    return new Participant(upn, role, directory.IsInternal(upn));
                }

                return string.IsNullOrWhiteSpace(identity.Id) ? null
                    : new Participant(EntraScheme + identity.Id.Trim().ToLowerInvariant(), role,
                        IsInternal: identity.TenantId is { } tenant && repTenants.Contains(tenant));
            default:
                return null;
        }
    }

    private static List<Participant> Distinct(IEnumerable<Participant> participants) =>
        participants.DistinctBy(p => p.Email, StringComparer.Ordinal).ToList();
}
