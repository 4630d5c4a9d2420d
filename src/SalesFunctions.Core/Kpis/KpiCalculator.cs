using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis;

/// <summary>
/// Computes a day's activity KPIs from the stored activities alone, so that recomputing a day from scratch always
/// gives the same rows (docs/kpis.md). Team and tenant values count distinct activities, not the sum of their reps:
/// one email to two reps of a team is one email received by the team.
/// </summary>
public static class KpiCalculator
{
    public static IReadOnlyList<KpiRow> ForDay(TenantDirectory directory, DateOnly day, IEnumerable<Activity> activities)
    {
        var credits = activities.SelectMany(a => Credits(directory, a)).ToList();
        var rows = new List<KpiRow>();
        foreach (var group in credits.GroupBy(c => c.Rep.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Add(new KpiRow(KpiDimension.Rep, group.Key, day, Sum(group)));
        }

        foreach (var group in credits.GroupBy(c => c.Rep.TeamId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            rows.Add(new KpiRow(KpiDimension.Team, group.Key, day, Sum(group)));
        }

        if (credits.Count > 0)
        {
            rows.Add(new KpiRow(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, day, Sum(credits)));
        }

        return rows;
    }

    /// <summary>For each rep an activity counts for: whether it counts as sent, received or a meeting held.</summary>
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
                _ => (CreditKind?)null,
            };
            if (kind is { } credited)
            {
                yield return new Credit(rep, activity, credited);
            }
        }
    }

    private static DailyKpis Sum(IEnumerable<Credit> credits)
    {
        // Distinct by activity within each kind: a team or the tenant counts an activity once however many reps it credits.
        var distinct = credits.DistinctBy(c => (c.Activity.ActivityId, c.Kind)).ToList();
        var meetings = distinct.Where(c => c.Kind == CreditKind.Meeting).ToList();
        return new DailyKpis(
            EmailsSent: distinct.Count(c => c.Kind == CreditKind.Sent),
            EmailsReceived: distinct.Count(c => c.Kind == CreditKind.Received),
            Meetings: meetings.Count,
            MeetingMinutes: meetings.Sum(c => c.Activity.DurationMinutes),
            UniqueAccounts: distinct.SelectMany(c => c.Activity.Externals).Select(p => p.AccountId).OfType<string>()
                .Distinct(StringComparer.Ordinal).Count());
    }

    internal enum CreditKind
    {
        Sent,
        Received,
        Meeting,
    }

    internal sealed record Credit(Rep Rep, Activity Activity, CreditKind Kind);
}
