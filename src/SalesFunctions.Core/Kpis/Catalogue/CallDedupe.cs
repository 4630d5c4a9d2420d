using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// One call, one activity (docs/calls.md, ADR 0021). The same call is often recorded twice: Teams writes a call record,
/// the PSTN log a row, and the rep logs it in the CRM. Two call activities of <b>different sources</b> are one call when
/// they share an internal participant (the rep), share an external party (the same address key or the same E.164
/// number), and start at most <see cref="Window"/> apart. Calls of one source are never merged: a source records each
/// call once, so two of its calls minutes apart are a redial. Pure and order-independent, so recomputing any period
/// gives the same count:
/// <list type="number">
/// <item>Calls are taken by source rank (Teams, then PSTN, then CRM connectors by name), then start, then id; the first
/// of a source never merges into another of its source.</item>
/// <item>Each call merges into the kept call nearest in start among those that qualify and have no call of its source
/// yet (ties: the earlier start, then the lower id); with none it is kept.</item>
/// <item>The kept call keeps its id, time and participants; its length and connected outcome are filled from the calls
/// merged into it where it has none.</item>
/// </list>
/// </summary>
public static class CallDedupe
{
    /// <summary>How far apart the starts of two records of one call may lie: clocks differ and reps log a call after it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>The activities with every duplicate call removed and each kept call completed from its duplicates; other kinds unchanged, in input order.</summary>
    public static IReadOnlyList<Activity> Merge(IReadOnlyList<Activity> activities)
    {
        var calls = activities.Where(a => a.Kind == ActivityKind.Call).DistinctBy(a => a.ActivityId, StringComparer.Ordinal)
            .Select(a => new Candidate(a)).ToList();
        if (calls.Count < 2)
        {
            return activities;
        }

        calls.Sort(static (x, y) => x.Rank != y.Rank ? x.Rank.CompareTo(y.Rank)
            : string.CompareOrdinal(x.Source, y.Source) is var bySource and not 0 ? bySource
            : x.Call.OccurredAt != y.Call.OccurredAt ? x.Call.OccurredAt.CompareTo(y.Call.OccurredAt)
            : string.CompareOrdinal(x.Call.ActivityId, y.Call.ActivityId));

        var kept = new List<Candidate>();
        var replaced = new Dictionary<string, Activity?>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            Candidate? best = null;
            foreach (var other in kept)
            {
                if (other.Sources.Contains(call.Source) || !call.SameCall(other))
                {
                    continue;
                }

                if (best is null || Closer(call, other, best))
                {
                    best = other;
                }
            }

            if (best is null)
            {
                kept.Add(call);
                continue;
            }

            best.Sources.Add(call.Source);
            best.Complete(call.Call);
            replaced[call.Call.ActivityId] = null;
        }

        foreach (var call in kept.Where(c => c.Completed))
        {
            replaced[call.Call.ActivityId] = call.Result;
        }

        return replaced.Count == 0 ? activities
            : activities.Select(a => a.Kind == ActivityKind.Call && replaced.TryGetValue(a.ActivityId, out var result) ? result : a).OfType<Activity>().ToList();
    }

    /// <summary>
    /// The local days, other than its own, that a call's duplicates can fall on: a record that merges across midnight
    /// changes the other day's count too, so scoring marks both dirty.
    /// </summary>
    public static IEnumerable<DateOnly> NeighbourDays(TenantDirectory directory, Activity activity)
    {
        if (activity.Kind != ActivityKind.Call)
        {
            yield break;
        }

        var day = directory.LocalDay(activity.OccurredAt);
        foreach (var edge in new[] { activity.OccurredAt - Window, activity.OccurredAt + Window })
        {
            if (directory.LocalDay(edge) is var other && other != day)
            {
                yield return other;
            }
        }
    }

    private static bool Closer(Candidate call, Candidate x, Candidate y)
    {
        var (dx, dy) = ((x.Call.OccurredAt - call.Call.OccurredAt).Duration(), (y.Call.OccurredAt - call.Call.OccurredAt).Duration());
        return dx != dy ? dx < dy
            : x.Call.OccurredAt != y.Call.OccurredAt ? x.Call.OccurredAt < y.Call.OccurredAt
            : string.CompareOrdinal(x.Call.ActivityId, y.Call.ActivityId) < 0;
    }

    private sealed class Candidate
    {
        public Candidate(Activity call)
        {
            Call = call;
            Result = call;
            Source = call.CallSource ?? string.Empty;
            Rank = Source switch { "teams" => 0, "pstn" => 1, _ => 2 };
            Sources = [Source];
            Internals = call.Participants.Where(p => p.IsInternal).Select(p => p.Email).ToHashSet(StringComparer.Ordinal);
            Parties = call.Participants.Where(p => !p.IsInternal)
                .SelectMany(p => p.Phone is { } phone ? new[] { p.Email, E164Numbers.Key(phone) } : [p.Email])
                .ToHashSet(StringComparer.Ordinal);
        }

        public Activity Call { get; }

        public Activity Result { get; private set; }

        public bool Completed { get; private set; }

        public string Source { get; }

        public int Rank { get; }

        public HashSet<string> Sources { get; }

        private HashSet<string> Internals { get; }

        private HashSet<string> Parties { get; }

        public bool SameCall(Candidate other) =>
            (Call.OccurredAt - other.Call.OccurredAt).Duration() <= Window
            && Internals.Overlaps(other.Internals)
            && Parties.Overlaps(other.Parties);

        public void Complete(Activity duplicate)
        {
            var result = Result;
            if (result.DurationMinutes == 0 && duplicate.DurationMinutes > 0)
            {
                result = result with { EndsAt = result.OccurredAt + (duplicate.EndsAt!.Value - duplicate.OccurredAt) };
            }

            if (result.Connected is null && duplicate.Connected is not null)
            {
                result = result with { Connected = duplicate.Connected };
            }

            Completed |= !ReferenceEquals(result, Result);
            Result = result;
        }
    }
}
