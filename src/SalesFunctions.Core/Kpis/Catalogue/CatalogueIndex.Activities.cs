using System.Runtime.InteropServices;
using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>Activities: credited, deduplicated, sliced into the pools in day order and filed under each entity.</summary>
internal sealed partial class CatalogueIndex
{
    private void IndexActivities(IReadOnlyList<Activity> input)
    {
        var activities = CallDedupe.Merge(input);
        // The same activity seen twice (two mailboxes, a replayed page) counts once: the first copy in input order.
        var seen = new HashSet<string>(activities.Count, StringComparer.Ordinal);
        var facts = new List<ActivityFact>(activities.Count);
        var credited = new List<(Activity Activity, ActivityCredits.CreditKind Kind, int Day)>(activities.Count);
        foreach (var activity in activities)
        {
            if (!seen.Add(activity.ActivityId))
            {
                continue;
            }

            var repStart = _repPool.Count;
            var kind = default(ActivityCredits.CreditKind);
            foreach (var credit in ActivityCredits.Credits(Directory, activity))
            {
                // An activity's kind and direction decide its credit kind, so every credit of one activity has the same.
                kind = credit.Kind;
                if (_repIndex.TryGetValue(credit.Rep, out var rep))
                {
                    AddDistinct(_repPool, repStart, rep);
                }
            }

            if (_repPool.Count == repStart)
            {
                continue;
            }

            var outside = activity.RepsOutsideTerritory.Count == 0 ? 0 : OutsideFirst(CollectionsMarshal.AsSpan(_repPool)[repStart..], activity.RepsOutsideTerritory);

            var (accountStart, contactStart, territoryStart) = (_accountPool.Count, _contactPool.Count, _territoryPool.Count);
            for (var i = 0; i < activity.Participants.Count; i++)
            {
                var participant = activity.Participants[i];
                if (!participant.IsInternal)
                {
                    AddDistinct(_contactPool, contactStart, _contacts.Intern(participant.Email));
                    if (participant.AccountId is { } account)
                    {
                        AddDistinct(_accountPool, accountStart, _accounts.Intern(account));
                    }
                }
            }

            for (var i = 0; i < activity.Territories.Count; i++)
            {
                AddDistinct(_territoryPool, territoryStart, _territories.Intern(activity.Territories[i]));
            }

            var day = _localDays.DayNumber(activity.OccurredAt);
            facts.Add(new ActivityFact
            {
                Day = day,
                Kind = kind,
                Minutes = kind is ActivityCredits.CreditKind.Meeting or ActivityCredits.CreditKind.Call ? activity.DurationMinutes : 0,
                Connected = kind == ActivityCredits.CreditKind.Call ? activity.Connected : null,
                RepStart = repStart,
                RepCount = _repPool.Count - repStart,
                OutsideCount = outside,
                AccountStart = accountStart,
                AccountCount = _accountPool.Count - accountStart,
                ContactStart = contactStart,
                ContactCount = _contactPool.Count - contactStart,
                TerritoryStart = territoryStart,
                TerritoryCount = _territoryPool.Count - territoryStart,
            });
            credited.Add((activity, kind, day));
        }

        var responses = Conversations.Responses(credited);
        var span = CollectionsMarshal.AsSpan(facts);
        for (var i = 0; i < span.Length; i++)
        {
            (span[i].RepResponseTicks, span[i].CustomerResponseTicks, span[i].FirstResponseTicks, span[i].Replied) = responses[i];
        }

        // Day order, ties in input order: one sort of plain numbers.
        var order = new long[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            order[i] = ((long)span[i].Day << 32) | (uint)i;
        }

        Array.Sort(order);
        Activities = new ActivityFact[span.Length];
        List<int> reps = [], accounts = [], contacts = [], territories = [];
        for (var position = 0; position < order.Length; position++)
        {
            // The pools are rewritten in day order too, so a walk through a period reads them front to back.
            ref var fact = ref Activities[position];
            fact = span[(int)(order[position] & uint.MaxValue)];
            fact.RepStart = Repack(_repPool, fact.RepStart, fact.RepCount, reps);
            fact.AccountStart = Repack(_accountPool, fact.AccountStart, fact.AccountCount, accounts);
            fact.ContactStart = Repack(_contactPool, fact.ContactStart, fact.ContactCount, contacts);
            fact.TerritoryStart = Repack(_territoryPool, fact.TerritoryStart, fact.TerritoryCount, territories);
        }

        (_repPool, _accountPool, _contactPool, _territoryPool) = (reps, accounts, contacts, territories);
        FileActivities();
    }

    /// <summary>Adds every activity, in day order, to each entity it counts for.</summary>
    private void FileActivities()
    {
        var touched = new List<CatalogueEntity>(8);
        for (var position = 0; position < Activities.Length; position++)
        {
            ref readonly var activity = ref Activities[position];
            touched.Clear();
            foreach (var rep in Reps(in activity))
            {
                touched.Add(EntityOf(_repEntities, rep, KpiDimension.Rep, Directory.Reps[rep].Id));
            }

            foreach (var rep in Reps(in activity))
            {
                var team = EntityOf(_teamEntities, _repTeams[rep], KpiDimension.Team, _teams[_repTeams[rep]]);
                if (!touched.Contains(team))
                {
                    touched.Add(team);
                }
            }

            touched.Add(Tenant);
            foreach (var territory in Territories(in activity))
            {
                touched.Add(EntityOf(_territoryEntities, territory, KpiDimension.Territory, _territories[territory]));
            }

            foreach (var account in Accounts(in activity))
            {
                touched.Add(AccountEntity(account));
            }

            foreach (var entity in touched)
            {
                entity.Activities.Add(position);
                entity.ActivityDays.Add(activity.Day);
            }
        }

        // Re-engagements per entity: one walk of each entity's day-ordered activities, with each account's last day
        // stamped by the entity that saw it, so the arrays serve every entity without being cleared.
        var (seen, lastDay) = (new int[AccountCount], new int[AccountCount]);
        var stamp = 0;
        foreach (var entity in AllEntities())
        {
            stamp++;
            foreach (var position in entity.Activities)
            {
                var day = Activities[position].Day;
                foreach (var account in Accounts(in Activities[position]))
                {
                    var previous = seen[account] == stamp ? lastDay[account] : int.MinValue;
                    if (previous < day - KpiCatalogue.HistoryWindowDays)
                    {
                        entity.ReengagedDays.Add(day);
                        entity.PreviousEngagedDays.Add(previous);
                    }

                    (seen[account], lastDay[account]) = (stamp, day);
                }
            }
        }
    }

    /// <summary>Moves the reps named in <paramref name="outside"/> to the front of <paramref name="reps"/>; returns how many.</summary>
    private int OutsideFirst(Span<int> reps, IReadOnlyList<string> outside)
    {
        var count = 0;
        for (var i = 0; i < reps.Length; i++)
        {
            if (outside.Contains(Directory.Reps[reps[i]].Id, StringComparer.Ordinal))
            {
                (reps[i], reps[count]) = (reps[count], reps[i]);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A list of one is kept in the start field itself, so the common activity (one rep, one account, one contact)
    /// needs no pool at all; longer lists are copied to <paramref name="to"/>.
    /// </summary>
    private static int Repack(List<int> from, int start, int count, List<int> to)
    {
        if (count == 1)
        {
            return from[start];
        }

        var moved = to.Count;
        to.AddRange(CollectionsMarshal.AsSpan(from).Slice(start, count));
        return moved;
    }
}
