using System.Runtime.InteropServices;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// Aggregates an index into cells: per grain, each entity walks its day-ordered activities and facts once alongside the
/// requested periods, jumping over periods where it has nothing, so the work grows with what happened rather than
/// with entities × periods. Distinct counts use stamp arrays (the cell number each account, contact or rep was last
/// seen in) instead of a set per cell.
/// </summary>
internal sealed class KpiEngine
{
    private static readonly int KpiCount = Enum.GetValues<KpiId>().Length;

    private readonly CatalogueIndex _index;
    private readonly KpiSettings _settings;
    private readonly Targets _targets;
    private readonly int[] _accountSeen;
    private readonly int[] _contactSeen;
    private readonly int[] _repSeen;
    private readonly decimal?[] _values = new decimal?[KpiCount];
    private readonly List<long> _repResponses = [];
    private readonly List<long> _customerResponses = [];
    private readonly List<long> _firstResponses = [];
    private readonly List<long> _cycleDays = [];
    private readonly List<long> _firstActivityDays = [];
    private int _stamp;
    private decimal[] _chunk = [];
    private int _chunkUsed;

    /// <summary>The cell's revenue won before rounding, for the tenant ratios computed after it.</summary>
    private decimal _revenue;

    private KpiEngine(CatalogueIndex index, KpiSettings settings, Targets targets)
    {
        (_index, _settings, _targets) = (index, settings, targets);
        (_accountSeen, _contactSeen, _repSeen) = (new int[index.AccountCount], new int[index.ContactCount], new int[index.RepCount]);
    }

    /// <summary>
    /// The cells of every period, by grain, then entity, then period. The work is cut into slices of one grain and a
    /// run of entities, which share nothing but the read-only index: each thread's engine (its stamps and buffers)
    /// takes slices in turn, and the slices' cells are joined in order.
    /// </summary>
    public static List<KpiCell> Compute(CatalogueIndex index, KpiSettings settings, IReadOnlyCollection<KpiPeriod> periods)
    {
        var targets = new Targets(
            Sum(settings.Quotas.Select(q => ((q.Dimension, q.Key, q.Period), q.Amount))),
            Sum(settings.Forecasts.Select(f => ((f.Dimension, f.Key, f.Period), f.Amount))),
            Sum(settings.Spend.Select(s => (s.Period, s.SalesAndMarketing))));
        var grains = periods.Distinct().GroupBy(p => p.Grain).OrderBy(g => g.Key).Select(g => g.OrderBy(p => p.Start).ToArray()).ToArray();
        var perGrain = Math.Max(1, Environment.ProcessorCount * 4 / Math.Max(1, grains.Length));
        var entities = index.Entities;
        var runLength = Math.Max(1, (entities.Length + perGrain - 1) / perGrain);
        var slices = grains.SelectMany(g => Enumerable.Range(0, (entities.Length + runLength - 1) / runLength).Select(r => (Periods: g, From: r * runLength))).ToArray();
        var results = new List<KpiCell>[slices.Length];
        Parallel.For(0, slices.Length, () => new KpiEngine(index, settings, targets), (i, _, engine) =>
        {
            var (ofGrain, from) = slices[i];
            results[i] = engine.Compute(ofGrain, entities.AsSpan(from, Math.Min(runLength, entities.Length - from)));
            return engine;
        }, _ => { });
        var cells = new List<KpiCell>(results.Sum(r => r.Count));
        foreach (var result in results)
        {
            cells.AddRange(result);
        }

        return cells;
    }

    /// <summary>The cells of one grain's periods (ascending) for a run of entities.</summary>
    private List<KpiCell> Compute(KpiPeriod[] periods, ReadOnlySpan<CatalogueEntity> entities)
    {
        var cells = new List<KpiCell>();
        var ends = periods.Select(p => p.End.DayNumber).ToArray();
        foreach (var entity in entities)
        {
            Walk(entity, periods, ends, cells);
        }

        return cells;
    }

    private static Dictionary<TKey, decimal> Sum<TKey>(IEnumerable<(TKey Key, decimal Amount)> entries)
        where TKey : notnull
    {
        var sums = new Dictionary<TKey, decimal>();
        foreach (var (key, amount) in entries)
        {
            sums[key] = sums.GetValueOrDefault(key) + amount;
        }

        return sums;
    }

    private void Walk(CatalogueEntity entity, KpiPeriod[] periods, int[] ends, List<KpiCell> cells)
    {
        var activityDays = CollectionsMarshal.AsSpan(entity.ActivityDays);
        var eventDays = CollectionsMarshal.AsSpan(entity.EventDays);
        var isTenant = entity.Dimension == KpiDimension.Tenant;
        var (activity, fact, period) = (0, 0, 0);
        while (period < periods.Length)
        {
            if (!isTenant)
            {
                // Skip straight to the first requested period that can hold the entity's next activity or fact.
                var next = Math.Min(activity < activityDays.Length ? activityDays[activity] : int.MaxValue, fact < eventDays.Length ? eventDays[fact] : int.MaxValue);
                if (next == int.MaxValue)
                {
                    return;
                }

                period += CatalogueIndex.LowerBound(ends.AsSpan(period), next);
                if (period == periods.Length)
                {
                    return;
                }
            }

            var (start, end) = (periods[period].Start.DayNumber, ends[period]);
            activity += CatalogueIndex.LowerBound(activityDays[activity..], start);
            fact += CatalogueIndex.LowerBound(eventDays[fact..], start);
            var activityEnd = activity + CatalogueIndex.LowerBound(activityDays[activity..], end + 1);
            var factEnd = fact + CatalogueIndex.LowerBound(eventDays[fact..], end + 1);
            if (Cell(entity, periods[period], (activity, activityEnd), (fact, factEnd)) is { } cell)
            {
                cells.Add(cell);
            }

            (activity, fact, period) = (activityEnd, factEnd, period + 1);
        }
    }

    /// <summary>The entity's cell for the period, or null when nothing counted for it there (the tenant always has one).</summary>
    private KpiCell? Cell(CatalogueEntity entity, KpiPeriod period, (int From, int To) activities, (int From, int To) facts)
    {
        Array.Clear(_values);
        var counted = activities.To > activities.From;
        var (start, end) = (period.Start.DayNumber, period.End.DayNumber);
        var (touchpoints, meetings) = ActivityValues(entity, period, activities);
        counted |= FactValues(entity, period, facts, touchpoints, meetings);
        if (!counted && entity.Dimension != KpiDimension.Tenant)
        {
            return null;
        }

        _values[(int)KpiId.NewAccountsEngaged] = NewAccounts(entity, start, end);
        if (entity.Dimension == KpiDimension.Tenant)
        {
            TenantValues(period);
        }

        return new KpiCell(entity.Dimension, entity.Key, period, KpiValues.From(_values, ref _chunk, ref _chunkUsed));
    }

    /// <summary>
    /// The accounts engaged in the period that the entity had not engaged in the history window before its start:
    /// the re-engagements in the period whose previous engagement lies before that window. An account has at most one
    /// re-engagement in a period, since they are more than the window apart and a period is shorter.
    /// </summary>
    private static int NewAccounts(CatalogueEntity entity, int start, int end)
    {
        var days = CollectionsMarshal.AsSpan(entity.ReengagedDays);
        var previous = CollectionsMarshal.AsSpan(entity.PreviousEngagedDays);
        var count = 0;
        for (var i = CatalogueIndex.LowerBound(days, start); i < days.Length && days[i] <= end; i++)
        {
            count += previous[i] < start - KpiCatalogue.HistoryWindowDays ? 1 : 0;
        }

        return count;
    }

    /// <summary>Fills the activity KPIs and activityToOpportunityConversion; returns what the linking KPIs need.</summary>
    private (int Touchpoints, int Meetings) ActivityValues(CatalogueEntity entity, KpiPeriod period, (int From, int To) range)
    {
        _stamp++;
        _repResponses.Clear();
        _customerResponses.Clear();
        _firstResponses.Clear();
        var (start, end) = (period.Start.DayNumber, period.End.DayNumber);
        int calls = 0, connected = 0, withOutcome = 0;
        var callMinutes = 0L;
        int sent = 0, received = 0, meetings = 0, accounts = 0, contacts = 0, reps = 0, withDeal = 0, inbound = 0, replied = 0, outside = 0;
        var byRep = entity.Dimension is KpiDimension.Rep or KpiDimension.Team or KpiDimension.Tenant;
        var minutes = 0L;
        var positions = CollectionsMarshal.AsSpan(entity.Activities)[range.From..range.To];
        foreach (var position in positions)
        {
            ref readonly var activity = ref _index.Activities[position];
            switch (activity.Kind)
            {
                case ActivityCredits.CreditKind.Sent:
                    sent++;
                    break;
                case ActivityCredits.CreditKind.Received:
                    received++;
                    break;
                case ActivityCredits.CreditKind.Call:
                    calls++;
                    callMinutes += activity.Minutes;
                    (withOutcome, connected) = activity.Connected is { } connects ? (withOutcome + 1, connected + (connects ? 1 : 0)) : (withOutcome, connected);
                    break;
                default:
                    meetings++;
                    minutes += activity.Minutes;
                    break;
            }

            foreach (var account in _index.Accounts(in activity))
            {
                if (_accountSeen[account] != _stamp)
                {
                    _accountSeen[account] = _stamp;
                    accounts++;
                    withDeal += _index.HasDealCreated(account, start, end) ? 1 : 0;
                }
            }

            foreach (var contact in _index.Contacts(in activity))
            {
                contacts += _contactSeen[contact] == _stamp ? 0 : 1;
                _contactSeen[contact] = _stamp;
            }

            foreach (var rep in _index.Reps(in activity))
            {
                if (_repSeen[rep] != _stamp && (entity.Team < 0 || _index.RepTeam(rep) == entity.Team))
                {
                    _repSeen[rep] = _stamp;
                    reps++;
                }
            }

            if (byRep && activity.OutsideCount > 0 && IsOutside(entity, _index.OutsideReps(in activity)))
            {
                outside++;
            }

            if (activity.Replied is { } answered)
            {
                inbound++;
                replied += answered ? 1 : 0;
            }

            AddSample(_repResponses, activity.RepResponseTicks);
            AddSample(_customerResponses, activity.CustomerResponseTicks);
            AddSample(_firstResponses, activity.FirstResponseTicks);
        }

        var touchpoints = sent + received + meetings + calls;
        Set(KpiId.EmailsSent, sent);
        Set(KpiId.EmailsReceived, received);
        Set(KpiId.Meetings, meetings);
        Set(KpiId.MeetingMinutes, minutes);
        Set(KpiId.Calls, calls);
        Set(KpiId.Touchpoints, touchpoints);
        Set(KpiId.UniqueAccounts, accounts);
        Set(KpiId.UniqueContacts, contacts);
        Set(KpiId.ReplyRate, KpiMath.Ratio(replied, inbound));
        _repResponses.Sort();
        _customerResponses.Sort();
        _firstResponses.Sort();
        Set(KpiId.ResponseTimeRepMedianMinutes, KpiMath.Minutes(KpiMath.Percentile(_repResponses, 50)));
        Set(KpiId.ResponseTimeRepP90Minutes, KpiMath.Minutes(KpiMath.Percentile(_repResponses, 90)));
        Set(KpiId.ResponseTimeCustomerMedianMinutes, KpiMath.Minutes(KpiMath.Percentile(_customerResponses, 50)));
        Set(KpiId.ResponseTimeCustomerP90Minutes, KpiMath.Minutes(KpiMath.Percentile(_customerResponses, 90)));
        Set(KpiId.FirstResponseMinutesMedian, KpiMath.Minutes(KpiMath.Percentile(_firstResponses, 50)));
        Set(KpiId.SellingMinutes, KpiMath.Span(minutes + callMinutes + (sent * _settings.MinutesPerEmail)));
        Set(KpiId.Workload, KpiMath.Ratio(touchpoints, (entity.Dimension == KpiDimension.Rep ? 1 : reps) * period.WorkingDays));
        Set(KpiId.EmailShare, KpiMath.Ratio(sent + received, touchpoints));
        Set(KpiId.MeetingShare, KpiMath.Ratio(meetings, touchpoints));
        Set(KpiId.ActivityToOpportunityConversion, KpiMath.Ratio(withDeal, accounts));
        Set(KpiId.OutsideTerritory, byRep ? outside : null);
        Set(KpiId.CallMinutes, callMinutes);
        Set(KpiId.CallsConnected, connected);
        Set(KpiId.CallConnectRate, KpiMath.Ratio(connected, withOutcome));
        return (touchpoints, meetings);
    }

    /// <summary>Whether one of the activity's reps working outside its territories is the rep, one of the team's, or any for the tenant.</summary>
    private bool IsOutside(CatalogueEntity entity, ReadOnlySpan<int> outside)
    {
        foreach (var rep in outside)
        {
            if (entity.Dimension == KpiDimension.Tenant || rep == entity.Rep || (entity.Team >= 0 && _index.RepTeam(rep) == entity.Team))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fills the performance, service and linking KPIs (not for territories: facts carry no territory); true when any fact counted.</summary>
    private bool FactValues(CatalogueEntity entity, KpiPeriod period, (int From, int To) range, int touchpoints, int meetings)
    {
        _cycleDays.Clear();
        _firstActivityDays.Clear();
        int created = 0, won = 0, lost = 0, priced = 0, createdWonNow = 0, marketing = 0, renewalWon = 0, renewalLost = 0;
        int opened = 0, resolved = 0, fcrStated = 0, fcr = 0, handled = 0, scored = 0;
        int touchedWon = 0, touchesWon = 0, touchedLost = 0, touchesLost = 0;
        decimal revenue = 0m, inflow = 0m, outflow = 0m, due = 0m, handleMinutes = 0m, csat = 0m;
        var facts = 0;
        foreach (var position in CollectionsMarshal.AsSpan(entity.Events)[range.From..range.To])
        {
            var fact = _index.Events[position];
            if (fact.Kind is FactEventKind.CaseOpened or FactEventKind.CaseResolved)
            {
                facts++;
                var serviceCase = _index.Cases[fact.Record];
                if (fact.Kind == FactEventKind.CaseOpened)
                {
                    opened++;
                    continue;
                }

                resolved++;
                (fcrStated, fcr) = serviceCase.FirstContactResolution is { } first ? (fcrStated + 1, fcr + (first ? 1 : 0)) : (fcrStated, fcr);
                (handled, handleMinutes) = serviceCase.HandleMinutes is { } handle ? (handled + 1, handleMinutes + handle) : (handled, handleMinutes);
                (scored, csat) = serviceCase.Csat is { } score ? (scored + 1, csat + score) : (scored, csat);
                continue;
            }

            ref readonly var deal = ref _index.Deals[fact.Record];
            var amount = deal.Amount ?? 0m;
            switch (fact.Kind)
            {
                case FactEventKind.DealOpenDue:
                    due += amount;
                    continue;
                case FactEventKind.DealCreated:
                    created++;
                    inflow += amount;
                    createdWonNow += deal.WonNow ? 1 : 0;
                    marketing += deal.Marketing ? 1 : 0;
                    break;
                case FactEventKind.DealWon:
                    won++;
                    (revenue, outflow, priced) = (revenue + amount, outflow + amount, priced + (deal.Amount is null ? 0 : 1));
                    renewalWon += deal.Renewal ? 1 : 0;
                    AddSample(_cycleDays, deal.CycleDays);
                    AddSample(_firstActivityDays, deal.FirstActivityDays);
                    (touchedWon, touchesWon) = deal.Touches >= 0 ? (touchedWon + 1, touchesWon + deal.Touches) : (touchedWon, touchesWon);
                    break;
                default:
                    lost++;
                    outflow += amount;
                    renewalLost += deal.Renewal ? 1 : 0;
                    (touchedLost, touchesLost) = deal.Touches >= 0 ? (touchedLost + 1, touchesLost + deal.Touches) : (touchedLost, touchesLost);
                    break;
            }

            facts++;
        }

        if (entity.Dimension == KpiDimension.Territory)
        {
            return facts > 0;
        }

        _revenue = revenue;
        var key = (entity.Dimension, entity.Key, period);
        // Most tenants set no quotas or forecasts: skip hashing the key for every cell then.
        var quota = _targets.Quotas.Count > 0 && _targets.Quotas.TryGetValue(key, out var target) ? target : (decimal?)null;
        Set(KpiId.DealsCreated, created);
        Set(KpiId.DealsWon, won);
        Set(KpiId.DealsLost, lost);
        Set(KpiId.WinRate, KpiMath.Ratio(won, won + lost));
        Set(KpiId.CloseRate, KpiMath.Ratio(createdWonNow, created));
        Set(KpiId.RevenueWon, KpiMath.Money(revenue));
        Set(KpiId.AverageDealSize, KpiMath.MoneyPer(revenue, priced));
        _cycleDays.Sort();
        _firstActivityDays.Sort();
        Set(KpiId.SalesCycleDaysMedian, KpiMath.Percentile(_cycleDays, 50));
        Set(KpiId.FirstActivityToWonDaysMedian, KpiMath.Percentile(_firstActivityDays, 50));
        Set(KpiId.PipelineInflow, KpiMath.Money(inflow));
        Set(KpiId.PipelineOutflow, KpiMath.Money(outflow));
        Set(KpiId.PipelineCoverage, KpiMath.Ratio(due, quota));
        Set(KpiId.QuotaAttainment, KpiMath.Ratio(revenue, quota));
        Set(KpiId.ForecastAccuracy, _targets.Forecasts.Count > 0 && _targets.Forecasts.TryGetValue(key, out var forecast) && revenue != 0m
            ? Math.Max(0m, KpiMath.Ratio(revenue - Math.Abs(revenue - forecast), revenue)!.Value)
            : null);
        Set(KpiId.MarketingSourcedShare, KpiMath.Ratio(marketing, created));
        Set(KpiId.RenewalChurnRate, KpiMath.Ratio(renewalLost, renewalWon + renewalLost));
        Set(KpiId.CasesOpened, opened);
        Set(KpiId.CasesResolved, resolved);
        Set(KpiId.ResolutionRate, KpiMath.Ratio(resolved, opened));
        Set(KpiId.FirstContactResolutionRate, KpiMath.Ratio(fcr, fcrStated));
        Set(KpiId.AverageHandleMinutes, KpiMath.SpanPer(handleMinutes, handled));
        Set(KpiId.Csat, KpiMath.Ratio(csat, scored));
        Set(KpiId.TouchpointsPerWonDeal, KpiMath.Ratio(touchpoints, won));
        Set(KpiId.MeetingsPerWonDeal, KpiMath.Ratio(meetings, won));
        Set(KpiId.TouchesBeforeWon, KpiMath.Ratio(touchesWon, touchedWon));
        Set(KpiId.TouchesBeforeLost, KpiMath.Ratio(touchesLost, touchedLost));
        return facts > 0;
    }

    /// <summary>The KPIs that exist at tenant level only: spend is not booked per rep, and customers are the tenant's.</summary>
    private void TenantValues(KpiPeriod period)
    {
        var (start, end) = (period.Start.DayNumber, period.End.DayNumber);
        var spend = _targets.Spend.TryGetValue(period, out var amount) ? amount : (decimal?)null;
        var revenue = _revenue;
        var newCustomers = CatalogueIndex.CountBetween(_index.Customers.NewCustomerDays, start, end);
        Set(KpiId.Cac, spend is { } cost ? KpiMath.MoneyPer(cost, newCustomers) : null);
        Set(KpiId.SalesEfficiency, KpiMath.Ratio(revenue, spend));

        // Revenue and customers of the year ending on the period's last day: later deals cannot change it after the
        // fact, and it does not grow with however much history the caller loads.
        var (won, running) = (_index.Customers.ConvertedWonDays, _index.Customers.ConvertedWonRunningRevenue);
        var (first, last) = (CatalogueIndex.LowerBound(won, end - KpiCatalogue.HistoryWindowDays + 1), CatalogueIndex.LowerBound(won, end + 1));
        var lifetimeRevenue = (last == 0 ? 0m : running[last - 1]) - (first == 0 ? 0m : running[first - 1]);
        var customers = CatalogueIndex.LowerBound(_index.Customers.CustomerFromDays, end + 1) - CatalogueIndex.LowerBound(_index.Customers.CustomerUntilDays, end);
        Set(KpiId.CustomerLifetimeValue, KpiMath.MoneyPer(lifetimeRevenue, customers));
    }

    /// <summary>Samples stay integers (ticks, days) until one is picked: sorting decimals would cost several times more.</summary>
    private static void AddSample(List<long> samples, long value)
    {
        if (value >= 0)
        {
            samples.Add(value);
        }
    }

    private void Set(KpiId id, decimal? value) => _values[(int)id] = value;

    /// <summary>Quotas, forecasts and spend summed by entity and period, shared by every engine.</summary>
    private sealed record Targets(
        Dictionary<(KpiDimension, string, KpiPeriod), decimal> Quotas,
        Dictionary<(KpiDimension, string, KpiPeriod), decimal> Forecasts,
        Dictionary<KpiPeriod, decimal> Spend);
}
