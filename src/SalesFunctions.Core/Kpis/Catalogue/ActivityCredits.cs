using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// The crediting rules of activity KPIs (docs/kpis.md): which reps an activity counts for, and as what. The catalogue
/// counts distinct activities per entity, so one email to two reps of a team is one email received by the team.
/// </summary>
public static class ActivityCredits
{
    /// <summary>For each rep an activity counts for: whether it counts as sent, received, a meeting held or a call (any rep on it).</summary>
    internal static IEnumerable<Credit> Credits(TenantDirectory directory, Activity activity)
    {
        // Internal-only mail is stored when the privacy policy keeps it, but selling KPIs count customer contact only.
        if (!activity.Externals.Any())
        {
            yield break;
        }

        foreach (var participant in activity.Participants.Where(p => p.IsInternal))
        {
            if (directory.RepByEmail(participant.Email) is not { } rep)
            {
                continue;
            }

            var kind = (activity.Kind, activity.Direction, participant.Role) switch
            {
                (ActivityKind.Email, ActivityDirection.Outbound, ParticipantRole.From) => CreditKind.Sent,
                (ActivityKind.Email, ActivityDirection.Inbound, ParticipantRole.To or ParticipantRole.Cc) => CreditKind.Received,
                (ActivityKind.Meeting, _, ParticipantRole.Organizer) => CreditKind.Meeting,
                (ActivityKind.Meeting, _, ParticipantRole.Attendee) when !participant.Declined => CreditKind.Meeting,
                (ActivityKind.Call, _, ParticipantRole.Organizer or ParticipantRole.Attendee) => CreditKind.Call,
                _ => (CreditKind?)null,
            };
            if (kind is { } credited)
            {
                yield return new Credit(rep, activity, credited);
            }
        }
    }

    internal enum CreditKind
    {
        Sent,
        Received,
        Meeting,
        Call,
    }

    internal sealed record Credit(Rep Rep, Activity Activity, CreditKind Kind);
}
