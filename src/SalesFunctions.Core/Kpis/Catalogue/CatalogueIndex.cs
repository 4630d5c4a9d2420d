using System.Runtime.InteropServices;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// One pass over a tenant's inputs: activities credited by <see cref="ActivityCredits"/>'s rules and deal and case facts,
/// dated by tenant-local day and filed under every entity they count for in day order, so that a period of any grain
/// reads only its own slice. Accounts, contacts and reps become small integers, so distinct counts need no hashing.
/// </summary>
internal sealed class CatalogueIndex
{
    private const int TouchWindowDays = 90;

    private readonly Dictionary<string, int> _accounts = new(StringComparer.Ordinal);
    private readonly List<string> _accountKeys = [];
    private readonly Dictionary<string, int> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _territories = new(StringComparer.Ordinal);
    private readonly List<string> _territoryKeys = [];
    private readonly Dictionary<string, int> _teams = new(StringComparer.Ordinal);
    private readonly List<string> _teamKeys = [];
    private readonly Dictionary<Rep, int> _repIndex = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Account, int Day)> _created = [];
    private readonly List<CatalogueEntity?> _repEntities = [];
    private readonly List<CatalogueEntity?> _teamEntities = [];
    private readonly List<CatalogueEntity?> _territoryEntities = [];
    private readonly List<CatalogueEntity?> _accountEntities = [];
    private readonly LocalDays _localDays;

    // Reps, accounts, contacts and territories of all activities; each activity holds a slice (ActivityFact).
    private List<int> _repPool = [];
    private List<int> _accountPool = [];
    private List<int> _contactPool = [];
    private List<int> _territoryPool = [];
    private int[] _createdStarts = [0];
    private int[] _createdDays = [];
    private int[] _repTeams = [];

    private CatalogueIndex(TenantDirectory directory)
    {
        Directory = directory;
        _localDays = new LocalDays(directory);
        Tenant = new CatalogueEntity(KpiDimension.Tenant, KpiDefinitions.TenantTotalKey, -1);
    }

    public TenantDirectory Directory { get; }

    /// <summary>Credited activities, one per activity id, in day order.</summary>
    public ActivityFact[] Activities { get; private set; } = [];

    public DealFact[] Deals { get; private set; } = [];

    public CaseFact[] Cases { get; private set; } = [];

    /// <summary>Deal and case facts in day order.</summary>
    public FactEvent[] Events { get; private set; } = [];

    /// <summary>Rep, team, tenant, territory, then account entities, each by key.</summary>
    public CatalogueEntity[] Entities { get; private set; } = [];

    public CatalogueEntity Tenant { get; }

    public int AccountCount => _accounts.Count;

    public int ContactCount => _contacts.Count;

    public int RepCount => Directory.Reps.Count;

    /// <summary>
    /// The won deal days (whatever the currency), ascending, on which an account won nothing in the
    /// <see cref="KpiCatalogue.HistoryWindowDays"/> days before, one per account and day: new or returning customers.
    /// </summary>
    public int[] NewCustomerDays { get; private set; } = [];

    /// <summary>Won deals on accounts with a converted amount, by close day: the days, and the running revenue after each.</summary>
    public int[] ConvertedWonDays { get; private set; } = [];

    public decimal[] ConvertedWonRunningRevenue { get; private set; } = [];

    /// <summary>
    /// The accounts the revenue above was won on, as spans of the days whose lifetime window (the
    /// <see cref="KpiCatalogue.HistoryWindowDays"/> days ending on that day) holds a converted win of the account: the
    /// first days and the last days of the spans, each ascending. An account's spans do not overlap, so the accounts of
    /// a day's window are the spans begun by then less those ended before it.
    /// </summary>
    public int[] CustomerFromDays { get; private set; } = [];

    public int[] CustomerUntilDays { get; private set; } = [];

    public static CatalogueIndex Build(KpiInputs inputs)
    {
        var index = new CatalogueIndex(inputs.Directory);
        index.IndexReps();
        index.IndexActivities(inputs.Activities);
        index.IndexRecords(inputs);
        index.Entities = [.. index.AllEntities().OrderBy(e => e.Dimension).ThenBy(e => e.Key, StringComparer.Ordinal)];
        return index;
    }

    public ReadOnlySpan<int> Reps(ref readonly ActivityFact activity) => Slice(_repPool, in activity.RepStart, activity.RepCount);

    /// <summary>The activity's reps that work outside all of its accounts' territories.</summary>
    public ReadOnlySpan<int> OutsideReps(ref readonly ActivityFact activity) => Reps(in activity)[..activity.OutsideCount];

    public ReadOnlySpan<int> Accounts(ref readonly ActivityFact activity) => Slice(_accountPool, in activity.AccountStart, activity.AccountCount);

    public ReadOnlySpan<int> Contacts(ref readonly ActivityFact activity) => Slice(_contactPool, in activity.ContactStart, activity.ContactCount);

    public ReadOnlySpan<int> Territories(ref readonly ActivityFact activity) => Slice(_territoryPool, in activity.TerritoryStart, activity.TerritoryCount);

    public int RepTeam(int rep) => _repTeams[rep];

    /// <summary>Whether a deal was created on the account between the two days, inclusive, whoever owns it.</summary>
    public bool HasDealCreated(int account, int from, int to) =>
        account + 1 < _createdStarts.Length && CountBetween(_createdDays.AsSpan(_createdStarts[account].._createdStarts[account + 1]), from, to) > 0;

    /// <summary>How many of the ascending <paramref name="days"/> fall between the two days, inclusive.</summary>
    public static int CountBetween(ReadOnlySpan<int> days, int from, int to) => LowerBound(days, to + 1) - LowerBound(days, from);

    /// <summary>The first position whose day is not before <paramref name="day"/>.</summary>
    public static int LowerBound(ReadOnlySpan<int> days, int day)
    {
        var (low, high) = (0, days.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = days[middle] < day ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private void IndexReps()
    {
        foreach (var team in Directory.Teams.Select(t => t.Id).Concat(Directory.Reps.Select(r => r.TeamId)))
        {
            Intern(team, _teams, _teamKeys);
        }

        _repTeams = [.. Directory.Reps.Select(r => _teams[r.TeamId])];
        for (var i = 0; i < Directory.Reps.Count; i++)
        {
            _repIndex.TryAdd(Directory.Reps[i], i);
        }
    }

    private void IndexActivities(IReadOnlyList<Activity> activities)
    {
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
                    AddDistinct(_contactPool, contactStart, Intern(participant.Email, _contacts, null));
                    if (participant.AccountId is { } account)
                    {
                        AddDistinct(_accountPool, accountStart, Intern(account, _accounts, _accountKeys));
                    }
                }
            }

            for (var i = 0; i < activity.Territories.Count; i++)
            {
                AddDistinct(_territoryPool, territoryStart, Intern(activity.Territories[i], _territories, _territoryKeys));
            }

            var day = _localDays.DayNumber(activity.OccurredAt);
            facts.Add(new ActivityFact
            {
                Day = day,
                Kind = kind,
                Minutes = kind == ActivityCredits.CreditKind.Meeting ? activity.DurationMinutes : 0,
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
                var team = EntityOf(_teamEntities, _repTeams[rep], KpiDimension.Team, _teamKeys[_repTeams[rep]]);
                if (!touched.Contains(team))
                {
                    touched.Add(team);
                }
            }

            touched.Add(Tenant);
            foreach (var territory in Territories(in activity))
            {
                touched.Add(EntityOf(_territoryEntities, territory, KpiDimension.Territory, _territoryKeys[territory]));
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

    private IEnumerable<CatalogueEntity> AllEntities() =>
        new[] { _repEntities, _teamEntities, [Tenant], _territoryEntities, _accountEntities }.SelectMany(e => e).OfType<CatalogueEntity>();

    private void IndexRecords(KpiInputs inputs)
    {
        var events = new List<FactEvent>();
        var owners = new List<(int Rep, int Account)>();
        var won = IndexDeals(inputs, events, owners);
        var caseOffset = owners.Count;
        IndexCases(inputs, events, owners);

        Events = [.. events.Select((e, i) => (e, i)).OrderBy(x => x.e.Day).ThenBy(x => x.i).Select(x => x.e)];
        for (var position = 0; position < Events.Length; position++)
        {
            var fact = Events[position];
            var (rep, account) = owners[fact.Kind is FactEventKind.CaseOpened or FactEventKind.CaseResolved ? caseOffset + fact.Record : fact.Record];
            AddEvent(Tenant, position, fact.Day);
            if (rep >= 0)
            {
                AddEvent(EntityOf(_repEntities, rep, KpiDimension.Rep, Directory.Reps[rep].Id), position, fact.Day);
                AddEvent(EntityOf(_teamEntities, _repTeams[rep], KpiDimension.Team, _teamKeys[_repTeams[rep]]), position, fact.Day);
            }

            if (account >= 0)
            {
                AddEvent(AccountEntity(account), position, fact.Day);
            }
        }

        IndexCreatedDays();
        IndexCustomers(won);
    }

    /// <summary>Deal facts and their spans; returns the won deals on accounts, for the customer KPIs.</summary>
    private List<(int Day, int Account, decimal? Amount)> IndexDeals(KpiInputs inputs, List<FactEvent> events, List<(int Rep, int Account)> owners)
    {
        var deals = new List<DealFact>();
        var won = new List<(int Day, int Account, decimal? Amount)>();
        foreach (var record in Live(inputs.Deals, CrmEntityKind.Deal))
        {
            var number = deals.Count;
            var account = DirectoryAccount(record);

            // An account's activities in day order: windows of them are its first activity and its touches before a close.
            var activityDays = CollectionsMarshal.AsSpan(account >= 0 && account < _accountEntities.Count ? _accountEntities[account]?.ActivityDays : null);
            var amount = CrmValues.ReadNumber(record[CrmFields.Amount]) is { } raw ? CrmCredits.ToReporting(inputs.Crm, record.ConnectorId, raw, record[CrmFields.Currency]) : null;
            var deal = new DealFact
            {
                Amount = amount,
                WonNow = record[CrmFields.Status] == CrmFields.Won,
                Marketing = Is(record[CrmFields.Source], "marketing"),
                Renewal = Is(record[CrmFields.Pipeline], "renewal"),
                CycleDays = -1,
                FirstActivityDays = -1,
                Touches = -1,
            };
            int? createdDay = null;
            foreach (var fact in CrmFact.Of(record))
            {
                var day = _localDays.DayNumber(fact.At);
                if (fact.Kind == CrmFactKind.DealCreated)
                {
                    createdDay = day;
                    events.Add(new FactEvent(day, FactEventKind.DealCreated, number));
                    if (account >= 0)
                    {
                        _created.Add((account, day));
                    }

                    continue;
                }

                events.Add(new FactEvent(day, fact.Kind == CrmFactKind.DealWon ? FactEventKind.DealWon : FactEventKind.DealLost, number));
                deal.Touches = account >= 0 ? CountBetween(activityDays, day - TouchWindowDays + 1, day) : -1;
                if (fact.Kind == CrmFactKind.DealWon)
                {
                    deal.CycleDays = createdDay <= day ? day - createdDay.Value : -1;
                    var first = LowerBound(activityDays, day - KpiCatalogue.HistoryWindowDays);
                    deal.FirstActivityDays = first < activityDays.Length && activityDays[first] <= day ? day - activityDays[first] : -1;
                    if (account >= 0)
                    {
                        won.Add((day, account, amount));
                    }
                }
            }

            if (record[CrmFields.Status] is not (CrmFields.Won or CrmFields.Lost) && CrmValues.ReadInstant(record[CrmFields.CloseDate]) is { } due)
            {
                events.Add(new FactEvent(_localDays.DayNumber(due), FactEventKind.DealOpenDue, number));
            }

            deals.Add(deal);
            owners.Add((Owner(inputs.Crm, record), account));
        }

        Deals = [.. deals];
        return won;
    }

    private void IndexCases(KpiInputs inputs, List<FactEvent> events, List<(int Rep, int Account)> owners)
    {
        var cases = new List<CaseFact>();
        foreach (var record in Live(inputs.Cases, CrmEntityKind.Case))
        {
            var fcr = record[CrmFields.FirstContactResolution];
            cases.Add(new CaseFact(
                Is(fcr, "true") ? true : Is(fcr, "false") ? false : null,
                CrmValues.ReadNumber(record[CrmFields.HandleMinutes]),
                CrmValues.ReadNumber(record[CrmFields.Csat])));
            foreach (var fact in CrmFact.Of(record))
            {
                var kind = fact.Kind == CrmFactKind.CaseOpened ? FactEventKind.CaseOpened : FactEventKind.CaseResolved;
                events.Add(new FactEvent(_localDays.DayNumber(fact.At), kind, cases.Count - 1));
            }

            owners.Add((Owner(inputs.Crm, record), DirectoryAccount(record)));
        }

        Cases = [.. cases];
    }

    private void IndexCustomers(List<(int Day, int Account, decimal? Amount)> won)
    {
        won.Sort((a, b) => a.Day.CompareTo(b.Day));
        var lastWon = new int[AccountCount];
        Array.Fill(lastWon, int.MinValue);
        var newCustomers = new List<int>();
        foreach (var (day, account, _) in won)
        {
            if (lastWon[account] < day - KpiCatalogue.HistoryWindowDays)
            {
                newCustomers.Add(day);
            }

            lastWon[account] = day;
        }

        NewCustomerDays = [.. newCustomers];
        var converted = won.Where(w => w.Amount is not null).ToList();
        ConvertedWonDays = [.. converted.Select(w => w.Day)];
        ConvertedWonRunningRevenue = new decimal[converted.Count];
        var total = 0m;
        for (var i = 0; i < converted.Count; i++)
        {
            ConvertedWonRunningRevenue[i] = total += converted[i].Amount!.Value;
        }

        // A win keeps its account in the lifetime window of its own day and the 364 after; wins whose spans meet or
        // overlap extend one span, so each account is counted once per day.
        var spanUntil = new int[AccountCount];
        Array.Fill(spanUntil, int.MinValue);
        var (from, until) = (new List<int>(), new List<int>());
        foreach (var (day, account, _) in converted)
        {
            if (spanUntil[account] < day - 1)
            {
                if (spanUntil[account] != int.MinValue)
                {
                    until.Add(spanUntil[account]);
                }

                from.Add(day);
            }

            spanUntil[account] = day + KpiCatalogue.HistoryWindowDays - 1;
        }

        until.AddRange(spanUntil.Where(d => d != int.MinValue));
        until.Sort();
        (CustomerFromDays, CustomerUntilDays) = ([.. from], [.. until]);
    }

    private static void AddEvent(CatalogueEntity entity, int position, int day)
    {
        entity.Events.Add(position);
        entity.EventDays.Add(day);
    }

    /// <summary>Records of the kind that are not deleted, one per connector and external id (the first in input order).</summary>
    private static IEnumerable<CrmRecord> Live(IReadOnlyList<CrmRecord> records, CrmEntityKind kind) =>
        records.Where(r => r.Kind == kind && !r.IsDeleted).DistinctBy(r => (r.ConnectorId, r.ExternalId));

    private static bool Is(string? value, string expected) => value is not null && value.Trim().Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static void AddDistinct(List<int> pool, int start, int value)
    {
        if (!CollectionsMarshal.AsSpan(pool)[start..].Contains(value))
        {
            pool.Add(value);
        }
    }

    private static int Intern(string value, Dictionary<string, int> interned, List<string>? keys)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(interned, value, out var exists);
        if (!exists)
        {
            id = interned.Count - 1;
            keys?.Add(value);
        }

        return id;
    }

    private static CatalogueEntity EntityOf(List<CatalogueEntity?> entities, int index, KpiDimension dimension, string key)
    {
        while (entities.Count <= index)
        {
            entities.Add(null);
        }

        return entities[index] ??= new CatalogueEntity(dimension, key, index);
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

    private CatalogueEntity AccountEntity(int account) => EntityOf(_accountEntities, account, KpiDimension.Account, _accountKeys[account]);

    /// <summary>The index of the rep a record's CRM owner maps to, or −1.</summary>
    private int Owner(CrmOptions crm, CrmRecord record) =>
        CrmCredits.OwnerRep(Directory, crm, record.ConnectorId, record[CrmFields.OwnerId]) is { } rep && _repIndex.TryGetValue(rep, out var index) ? index : -1;

    /// <summary>The interned directory account the record's CRM account id names, or −1.</summary>
    private int DirectoryAccount(CrmRecord record) =>
        record[CrmFields.AccountId] is { } id && Directory.AccountById(id) is { } account ? Intern(account.Id, _accounts, _accountKeys) : -1;

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

    private static ReadOnlySpan<int> Slice(List<int> pool, ref readonly int start, int count) =>
        count == 1 ? new ReadOnlySpan<int>(in start) : CollectionsMarshal.AsSpan(pool).Slice(start, count);

    /// <summary>Creation days of deals by account in one array, each account's ascending between its start and the next.</summary>
    private void IndexCreatedDays()
    {
        _created.Sort();
        _createdDays = [.. _created.Select(c => c.Day)];
        _createdStarts = new int[AccountCount + 1];
        foreach (var (account, _) in _created)
        {
            _createdStarts[account + 1]++;
        }

        for (var account = 0; account < AccountCount; account++)
        {
            _createdStarts[account + 1] += _createdStarts[account];
        }
    }
}
