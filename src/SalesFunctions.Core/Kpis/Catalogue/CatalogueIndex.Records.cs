using System.Runtime.InteropServices;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>Deal and case facts of the live CRM records, filed under their owner's rep and team, the account and the tenant.</summary>
internal sealed partial class CatalogueIndex
{
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
                AddEvent(EntityOf(_teamEntities, _repTeams[rep], KpiDimension.Team, _teams[_repTeams[rep]]), position, fact.Day);
            }

            if (account >= 0)
            {
                AddEvent(AccountEntity(account), position, fact.Day);
            }
        }

        IndexCreatedDays();
        Customers = CustomerWins.Of(won, AccountCount);
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

    private static void AddEvent(CatalogueEntity entity, int position, int day)
    {
        entity.Events.Add(position);
        entity.EventDays.Add(day);
    }

    /// <summary>Records of the kind that are not deleted, one per connector and external id (the first in input order).</summary>
    private static IEnumerable<CrmRecord> Live(IReadOnlyList<CrmRecord> records, CrmEntityKind kind) =>
        records.Where(r => r.Kind == kind && !r.IsDeleted).DistinctBy(r => (r.ConnectorId, r.ExternalId));

    private static bool Is(string? value, string expected) => value is not null && value.Trim().Equals(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>The index of the rep a record's CRM owner maps to, or −1.</summary>
    private int Owner(CrmOptions crm, CrmRecord record) =>
        CrmCredits.OwnerRep(Directory, crm, record.ConnectorId, record[CrmFields.OwnerId]) is { } rep && _repIndex.TryGetValue(rep, out var index) ? index : -1;

    /// <summary>The interned directory account the record's CRM account id names, or −1.</summary>
    private int DirectoryAccount(CrmRecord record) =>
        record[CrmFields.AccountId] is { } id && Directory.AccountById(id) is { } account ? _accounts.Intern(account.Id) : -1;

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
