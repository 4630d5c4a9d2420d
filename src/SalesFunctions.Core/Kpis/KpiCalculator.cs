using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis;

/// <summary>
/// Computes a day's activity KPIs from the stored activities alone, so that recomputing a day from scratch always
/// gives the same rows (docs/kpis.md). Team and tenant values count distinct activities, not the sum of their reps:
/// one email to two reps of a team is one email received by the team.
/// </summary>
public static class KpiCalculator
{
    public static IReadOnlyList<KpiRow> ForDay(TenantDirectory directory, DateOnly day, IEnumerable<Activity> activities) =>
        ForDay(directory, day, activities, []);

    /// <summary>Activity KPIs from the day's activities, performance KPIs from the CRM facts dated that day.</summary>
    public static IReadOnlyList<KpiRow> ForDay(TenantDirectory directory, DateOnly day, IEnumerable<Activity> activities, IReadOnlyList<PerformanceCredit> performance)
    {
        var credits = activities.SelectMany(a => Credits(directory, a)).ToList();
        var rows = new List<KpiRow>();
        var owned = performance.Where(p => p.Rep is not null).ToList();
        var (creditsByRep, ownedByRep) = (credits.ToLookup(c => c.Rep.Id, StringComparer.Ordinal), owned.ToLookup(p => p.Rep!.Id, StringComparer.Ordinal));
        foreach (var rep in creditsByRep.Select(g => g.Key).Union(ownedByRep.Select(g => g.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            rows.Add(new KpiRow(KpiDimension.Rep, rep, day, Sum(creditsByRep[rep], ownedByRep[rep])));
        }

        var (creditsByTeam, ownedByTeam) = (credits.ToLookup(c => c.Rep.TeamId, StringComparer.Ordinal), owned.ToLookup(p => p.Rep!.TeamId, StringComparer.Ordinal));
        foreach (var team in creditsByTeam.Select(g => g.Key).Union(ownedByTeam.Select(g => g.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            rows.Add(new KpiRow(KpiDimension.Team, team, day, Sum(creditsByTeam[team], ownedByTeam[team])));
        }

        // Activity KPIs only: CRM facts carry no territory stamp yet.
        var creditsByTerritory = credits.SelectMany(c => c.Activity.Territories.Select(t => (Territory: t, Credit: c))).ToLookup(x => x.Territory, x => x.Credit, StringComparer.Ordinal);
        foreach (var territory in creditsByTerritory.Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            rows.Add(new KpiRow(KpiDimension.Territory, territory, day, Sum(creditsByTerritory[territory], [])));
        }

        if (credits.Count > 0 || performance.Count > 0)
        {
            rows.Add(new KpiRow(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, day, Sum(credits, performance)));
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

    private static DailyKpis Sum(IEnumerable<Credit> credits, IEnumerable<PerformanceCredit> performance)
    {
        // One deal or case counts once per entity, however many facts of one kind it has that day.
        var facts = performance.DistinctBy(p => (p.Fact.RecordKey, p.Fact.Kind)).ToList();
        // Distinct by activity within each kind: a team or the tenant counts an activity once however many reps it credits.
        var distinct = credits.DistinctBy(c => (c.Activity.ActivityId, c.Kind)).ToList();
        var meetings = distinct.Where(c => c.Kind == CreditKind.Meeting).ToList();
        return new DailyKpis(
            EmailsSent: distinct.Count(c => c.Kind == CreditKind.Sent),
            EmailsReceived: distinct.Count(c => c.Kind == CreditKind.Received),
            Meetings: meetings.Count,
            MeetingMinutes: meetings.Sum(c => c.Activity.DurationMinutes),
            UniqueAccounts: distinct.SelectMany(c => c.Activity.Externals).Select(p => p.AccountId).OfType<string>()
                .Distinct(StringComparer.Ordinal).Count())
        {
            DealsCreated = facts.Count(f => f.Fact.Kind == CrmFactKind.DealCreated),
            DealsWon = facts.Count(f => f.Fact.Kind == CrmFactKind.DealWon),
            DealsLost = facts.Count(f => f.Fact.Kind == CrmFactKind.DealLost),
            RevenueWon = facts.Where(f => f.Fact.Kind == CrmFactKind.DealWon).Sum(f => f.Revenue ?? 0m),
            CasesOpened = facts.Count(f => f.Fact.Kind == CrmFactKind.CaseOpened),
            CasesResolved = facts.Count(f => f.Fact.Kind == CrmFactKind.CaseResolved),
            OutsideTerritory = credits.Where(c => c.Activity.RepsOutsideTerritory.Contains(c.Rep.Id, StringComparer.Ordinal))
                .Select(c => c.Activity.ActivityId).Distinct(StringComparer.Ordinal).Count(),
        };
    }

    internal enum CreditKind
    {
        Sent,
        Received,
        Meeting,
    }

    internal sealed record Credit(Rep Rep, Activity Activity, CreditKind Kind);
}
