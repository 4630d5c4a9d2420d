using System.Collections.Frozen;
using System.Text.Json;

namespace SalesFunctions.Core.Kpis.Catalogue;

/// <summary>
/// The KPI catalogue (docs/kpis.md): what each KPI means, and the engine that computes all of them for every
/// dimension and requested period from a tenant's activities, deals and cases. Pure: it reads its inputs only, so the
/// same inputs always give the same cells.
/// </summary>
public static class KpiCatalogue
{
    /// <summary>Raise it when a definition changes, so stored values can be told apart and recomputed.</summary>
    public const int Version = 6;

    /// <summary>
    /// How long after an email a reply still answers it (14 × 24 h, and no later than the 14th local day after): a
    /// period's reply and response KPIs settle once this much time has passed after its end.
    /// </summary>
    public const int ReplyWindowDays = 14;

    /// <summary>
    /// How far back history decides "new" and "first": a new account, a conversation's first inbound email, a deal's
    /// first activity, a new or returning customer and lifetime value look back this many days, never further.
    /// </summary>
    public const int HistoryWindowDays = 365;

    /// <summary>
    /// The tenant-local days whose activities the cells of a period depend on, both inclusive: the history window
    /// before the period's start and the reply window after its end. Deals and cases are read whole. A caller that
    /// recomputes a period needs no activities outside these days, and gets the same cells whatever else it loads.
    /// </summary>
    public static (DateOnly From, DateOnly To) InputDays(DateOnly periodStart, DateOnly periodEnd) =>
        (periodStart.AddDays(-HistoryWindowDays), periodEnd.AddDays(ReplyWindowDays));

    private const string Activity = "activity";
    private const string Performance = "performance";
    private const string Service = "service";
    private const string Linking = "linking";

    /// <summary>The unit of whole-number counts.</summary>
    public const string UnitCount = "count";
    private const string UnitRatio = "ratio";
    private const string UnitMinutes = "minutes";
    private const string UnitDays = "days";
    private const string UnitMoney = "reporting currency";
    private const string Credited = "activities (credited)";
    private const string ConversationInputs = "activities (credited emails by conversation, to 14 days after the period: ReplyWindowDays)";
    private const string FirstInboundInputs = "activities (credited emails by conversation, from 365 days before the period to 14 days after it)";
    private const string HistoryInputs = Credited + ", from 365 days before the period: HistoryWindowDays";
    private const string CallInputs = "activities (credited calls, duplicates across sources merged)";
    private const string DealRecords = "deals";
    private const string CaseRecords = "cases";

    /// <summary>
    /// Where each count and sum is defined in every cell (0 without facts); Core's tests hold the engine to it. Deals and
    /// cases carry no territory, so their counts are undefined for territories; outsideTerritory is undefined for
    /// territories and accounts. Ratios, medians and means are not listed: they can be undefined anywhere.
    /// </summary>
    private static readonly FrozenDictionary<KpiId, FrozenSet<KpiDimension>> AlwaysDefined = new[]
    {
        (Ids: new[] { KpiId.EmailsSent, KpiId.EmailsReceived, KpiId.Meetings, KpiId.MeetingMinutes, KpiId.Calls, KpiId.Touchpoints, KpiId.UniqueAccounts, KpiId.UniqueContacts, KpiId.NewAccountsEngaged, KpiId.SellingMinutes, KpiId.CallMinutes, KpiId.CallsConnected },
            Dimensions: Enum.GetValues<KpiDimension>()),
        (Ids: [KpiId.DealsCreated, KpiId.DealsWon, KpiId.DealsLost, KpiId.RevenueWon, KpiId.PipelineInflow, KpiId.PipelineOutflow, KpiId.CasesOpened, KpiId.CasesResolved],
            Dimensions: [KpiDimension.Rep, KpiDimension.Team, KpiDimension.Account, KpiDimension.Tenant]),
        (Ids: [KpiId.OutsideTerritory], Dimensions: [KpiDimension.Rep, KpiDimension.Team, KpiDimension.Tenant]),
    }.SelectMany(g => g.Ids.Select(id => (Id: id, Set: g.Dimensions.ToFrozenSet()))).ToFrozenDictionary(x => x.Id, x => x.Set);

    /// <summary>In <see cref="KpiId"/> order; every cell carries exactly these names.</summary>
    public static IReadOnlyList<KpiDefinition> Definitions { get; } =
    [
        Define(KpiId.EmailsSent, UnitCount, Activity, "emails whose sender is a rep of the entity, with at least one external recipient", Credited),
        Define(KpiId.EmailsReceived, UnitCount, Activity, "emails from an external sender listing a rep of the entity in To or Cc", Credited),
        Define(KpiId.Meetings, UnitCount, Activity, "meetings with an external attendee that a rep of the entity organised or attended without declining", Credited),
        Define(KpiId.MeetingMinutes, UnitMinutes, Activity, "sum of (end − start) of those meetings, each rounded to whole minutes", Credited),
        Define(KpiId.Calls, UnitCount, Activity, "calls with an external party that a rep of the entity placed, received or joined (Teams, PSTN, CRM-logged); one call recorded by several sources counts once (CallDedupe)", CallInputs),
        Define(KpiId.Touchpoints, UnitCount, Activity, "emailsSent + emailsReceived + meetings + calls", Credited),
        Define(KpiId.UniqueAccounts, UnitCount, Activity, "distinct accounts of the external participants of the counted activities", Credited),
        Define(KpiId.UniqueContacts, UnitCount, Activity, "distinct external participant addresses of the counted activities, matched to an account or not", Credited),
        Define(KpiId.NewAccountsEngaged, UnitCount, Activity, "accounts engaged in the period (a counted activity with an external participant at the account) that the entity had not engaged in the 365 days before the period's start", HistoryInputs),
        Define(KpiId.ReplyRate, UnitRatio, Activity, "of the counted inbound emails with a conversation id, the share that a rep's counted outbound email in the same conversation followed within 14 days (14 × 24 h, and by the 14th local day after)", ConversationInputs),
        Define(KpiId.ResponseTimeRepMedianMinutes, UnitMinutes, Activity, "median (nearest rank) of the minutes from each counted inbound email to the next rep email in its conversation within 14 days; unanswered ones have no sample", ConversationInputs),
        Define(KpiId.ResponseTimeRepP90Minutes, UnitMinutes, Activity, "90th percentile (nearest rank) of the same samples", ConversationInputs),
        Define(KpiId.ResponseTimeCustomerMedianMinutes, UnitMinutes, Activity, "median (nearest rank) of the minutes from each counted outbound email to the next customer email in its conversation within 14 days", ConversationInputs),
        Define(KpiId.ResponseTimeCustomerP90Minutes, UnitMinutes, Activity, "90th percentile (nearest rank) of the same samples", ConversationInputs),
        Define(KpiId.FirstResponseMinutesMedian, UnitMinutes, Activity, "median (nearest rank) of the minutes to the next rep email within 14 days from each counted inbound email that had no inbound email of its conversation in the 365 × 24 h before it (nor on an earlier local day than the 365th before); of several at one instant, the lowest activity id", FirstInboundInputs),
        Define(KpiId.SellingMinutes, UnitMinutes, Activity, "meetingMinutes + callMinutes + emailsSent × MinutesPerEmail", Credited + ", settings.MinutesPerEmail"),
        Define(KpiId.Workload, UnitRatio, Activity, "touchpoints / (reps × working days of the period); reps = 1 for a rep, else the entity's distinct reps credited in the period", Credited),
        Define(KpiId.EmailShare, UnitRatio, Activity, "(emailsSent + emailsReceived) / touchpoints", Credited),
        Define(KpiId.MeetingShare, UnitRatio, Activity, "meetings / touchpoints", Credited),

        Define(KpiId.DealsCreated, UnitCount, Performance, "deals whose creation day falls in the period", DealRecords),
        Define(KpiId.DealsWon, UnitCount, Performance, "deals won whose close day falls in the period", DealRecords),
        Define(KpiId.DealsLost, UnitCount, Performance, "deals lost whose close day falls in the period", DealRecords),
        Define(KpiId.WinRate, UnitRatio, Performance, "dealsWon / (dealsWon + dealsLost)", DealRecords),
        Define(KpiId.CloseRate, UnitRatio, Performance, "of the deals created in the period, the share whose current status is won", DealRecords),
        Define(KpiId.RevenueWon, UnitMoney, Performance, "sum of the converted amounts of the deals won in the period", DealRecords + ", Crm:ExchangeRates"),
        Define(KpiId.AverageDealSize, UnitMoney, Performance, "revenueWon / deals won in the period with a converted amount", DealRecords + ", Crm:ExchangeRates"),
        Define(KpiId.SalesCycleDaysMedian, UnitDays, Performance, "median (nearest rank) of close day − creation day of the deals won in the period", DealRecords),
        Define(KpiId.FirstActivityToWonDaysMedian, UnitDays, Performance, "median (nearest rank) of close day − day of the first credited activity on the deal's account in the days [close − 365, close], for deals won in the period", DealRecords + ", " + HistoryInputs),
        Define(KpiId.PipelineInflow, UnitMoney, Performance, "sum of the converted amounts of the deals created in the period", DealRecords + ", Crm:ExchangeRates"),
        Define(KpiId.PipelineOutflow, UnitMoney, Performance, "sum of the converted amounts of the deals won or lost in the period", DealRecords + ", Crm:ExchangeRates"),
        Define(KpiId.PipelineCoverage, UnitRatio, Performance, "converted amounts of the deals open now whose expected close date falls in the period / quota of the period", DealRecords + ", settings.Quotas"),
        Define(KpiId.QuotaAttainment, UnitRatio, Performance, "revenueWon / quota of the period", DealRecords + ", settings.Quotas"),
        Define(KpiId.ForecastAccuracy, UnitRatio, Performance, "max(0, 1 − |revenueWon − forecast| / revenueWon); undefined without a forecast or when revenueWon = 0", DealRecords + ", settings.Forecasts"),
        Define(KpiId.MarketingSourcedShare, UnitRatio, Performance, "of the deals created in the period, the share whose source is \"marketing\" (case-insensitive)", DealRecords),
        Define(KpiId.RenewalChurnRate, UnitRatio, Performance, "of the deals in the \"renewal\" pipeline (case-insensitive) closed in the period, lost / (won + lost)", DealRecords),
        Define(KpiId.Cac, UnitMoney, Performance, "tenant only: spend of the period / new or returning customers, the accounts with a deal won in the period that had won none in the 365 days before that deal's close day", DealRecords + ", settings.Spend"),
        Define(KpiId.CustomerLifetimeValue, UnitMoney, Performance, "tenant only: converted revenue won on accounts in the 365 days ending on the period's last day / the distinct accounts it was won on", DealRecords + ", Crm:ExchangeRates"),
        Define(KpiId.SalesEfficiency, UnitRatio, Performance, "tenant only: revenueWon / spend of the period", DealRecords + ", settings.Spend"),

        Define(KpiId.CasesOpened, UnitCount, Service, "cases whose open day falls in the period", CaseRecords),
        Define(KpiId.CasesResolved, UnitCount, Service, "cases whose resolution day falls in the period", CaseRecords),
        Define(KpiId.ResolutionRate, UnitRatio, Service, "casesResolved / casesOpened (a flow ratio: it exceeds 1 when a backlog is worked off)", CaseRecords),
        Define(KpiId.FirstContactResolutionRate, UnitRatio, Service, "of the cases resolved in the period whose firstContactResolution is \"true\" or \"false\", the share \"true\"", CaseRecords),
        Define(KpiId.AverageHandleMinutes, UnitMinutes, Service, "mean handleMinutes of the cases resolved in the period that state it", CaseRecords),
        Define(KpiId.Csat, "score", Service, "mean csat of the cases resolved in the period that have a score, on the CRM's own scale", CaseRecords),

        Define(KpiId.TouchpointsPerWonDeal, UnitRatio, Linking, "touchpoints / dealsWon", Credited + ", " + DealRecords),
        Define(KpiId.MeetingsPerWonDeal, UnitRatio, Linking, "meetings / dealsWon", Credited + ", " + DealRecords),
        Define(KpiId.ActivityToOpportunityConversion, UnitRatio, Linking, "of the accounts engaged (uniqueAccounts), the share with a deal created on them in the same period, whoever owns it", Credited + ", " + DealRecords),
        Define(KpiId.TouchesBeforeWon, UnitRatio, Linking, "mean number of credited activities on the account of each deal won in the period, in the 90 days ending on its close day", Credited + ", " + DealRecords),
        Define(KpiId.TouchesBeforeLost, UnitRatio, Linking, "the same for deals lost in the period", Credited + ", " + DealRecords),

        Define(KpiId.OutsideTerritory, UnitCount, Activity, "counted activities credited to a rep of the entity (for the tenant: any rep) who is in the activity's RepsOutsideTerritory, each once; rep, team and tenant only", Credited + ", their RepsOutsideTerritory stamp"),
        Define(KpiId.CallMinutes, UnitMinutes, Activity, "sum of (end − start) of those calls, each rounded to whole minutes; a call without an end (a CRM log without a duration) adds 0", CallInputs),
        Define(KpiId.CallsConnected, UnitCount, Activity, "of those calls, the ones whose source says they connected (HubSpot status COMPLETED, a PSTN row with a duration, a CRM outcome mapped to connected)", CallInputs),
        Define(KpiId.CallConnectRate, UnitRatio, Activity, "callsConnected / the calls whose source states whether they connected; calls of sources that do not say are left out", CallInputs),
    ];

    private static readonly FrozenDictionary<string, int> IndexByName =
        Definitions.Select((d, i) => (d.Name, i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>
    /// All KPIs of every entity for each of <paramref name="periods"/> (any mix of grains; each must be aligned, see
    /// <see cref="KpiPeriod.IsAligned"/>), ordered by grain, dimension, key and period. An entity gets a cell for a
    /// period when an activity counts for it or one of its deals or cases has a fact in it; the tenant total gets one
    /// for every period.
    /// </summary>
    public static IReadOnlyList<KpiCell> Compute(KpiInputs inputs, IReadOnlyCollection<KpiPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(periods);
        foreach (var period in periods.Where(p => !p.IsAligned))
        {
            throw new ArgumentException($"The {period.Grain} period containing {period.Start:yyyy-MM-dd} starts on {KpiPeriod.Of(period.Grain, period.Start).Start:yyyy-MM-dd}: build periods with KpiPeriod.Of.", nameof(periods));
        }

        return KpiEngine.Compute(CatalogueIndex.Build(inputs), inputs.Settings, periods);
    }

    /// <summary>The position of a KPI name in <see cref="Definitions"/>, or −1.</summary>
    internal static int IndexOf(string name) => IndexByName.GetValueOrDefault(name, -1);

    private static KpiDefinition Define(KpiId id, string unit, string category, string formula, string inputs) =>
        new(JsonNamingPolicy.CamelCase.ConvertName(id.ToString()), unit, category, formula, inputs, Version, AlwaysDefined.GetValueOrDefault(id, FrozenSet<KpiDimension>.Empty));
}
