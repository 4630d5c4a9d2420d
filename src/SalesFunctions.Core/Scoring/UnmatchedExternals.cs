using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Scoring;

/// <summary>
/// The "unmatched external" bucket: company domains of external participants that no rung of the matching ladder placed
/// at an account, with how often they occur, so that an admin can map the busiest ones. Free-mail domains are left out
/// (they never map by domain), and only counts are reported, never addresses. Callers known only by a number no contact
/// has are bucketed by country calling code ("tel:+44"): an admin maps them by adding the number to a contact, and the
/// list never shows a number. Guests known only by Entra id have neither and are left out.
/// </summary>
public sealed class UnmatchedExternals(TenantDirectoryCache directories, IActivityStore activities)
{
    public const int MaxDays = 92;

    public async Task<IReadOnlyList<UnmatchedDomain>> ListAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"The range must run forwards and span at most {MaxDays} days.");
        }

        var directory = await directories.GetAsync(tenantId, cancellationToken);
        var domains = new Dictionary<string, (HashSet<string> Activities, HashSet<string> Addresses, DateTimeOffset LastSeen)>(StringComparer.Ordinal);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await foreach (var activity in activities.ListByDayAsync(tenantId, day, cancellationToken))
            {
                foreach (var participant in activity.Externals.Where(p => p.AccountId is null && !AccountMatcher.IsFreeMail(p.Email) && !directory.IsInternal(p.Email)))
                {
                    var bucket = participant.Phone is { } phone && E164Numbers.IsKey(participant.Email) ? E164Numbers.Scheme + E164Numbers.CountryPrefix(phone) : participant.Domain;
                    if (bucket.Length == 0)
                    {
                        continue;
                    }

                    if (!domains.TryGetValue(bucket, out var seen))
                    {
                        seen = ([], [], activity.OccurredAt);
                    }

                    seen.Activities.Add(activity.ActivityId);
                    seen.Addresses.Add(participant.Email);
                    domains[bucket] = (seen.Activities, seen.Addresses, activity.OccurredAt > seen.LastSeen ? activity.OccurredAt : seen.LastSeen);
                }
            }
        }

        return [.. domains.Select(d => new UnmatchedDomain(d.Key, d.Value.Activities.Count, d.Value.Addresses.Count, d.Value.LastSeen))
            .OrderByDescending(d => d.Activities).ThenBy(d => d.Domain, StringComparer.Ordinal)];
    }
}
