using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// One framework's rules over one input, fed the activities in time order. Evaluation feeds everything up to AsOf
/// once; history keeps feeding between instants, so both read the same rule states and cannot disagree.
/// </summary>
internal sealed class FrameworkRun
{
    private readonly Framework _framework;
    private readonly RuleState[][] _states;
    private readonly Activity[] _activities;
    private readonly Dictionary<string, Contact> _contacts;
    private readonly string _accountId;
    private int _observed;

    public FrameworkRun(Framework framework, QualificationInput input)
    {
        _framework = framework;
        _states = [.. framework.Criteria.Select(criterion => criterion.Rules.Select(rule => RuleState.Create(rule, input)).ToArray())];
        _activities = [.. input.Activities.Where(activity => activity.OccurredAt <= input.AsOf)
            .OrderBy(activity => activity.OccurredAt)
            .ThenBy(activity => activity.ActivityId, StringComparer.Ordinal)];
        _accountId = input.Account.Id;

        // A contact filed under this account wins over a same-address contact of another one.
        _contacts = new Dictionary<string, Contact>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in input.Contacts.OrderBy(contact => contact.AccountId == _accountId ? 0 : 1))
        {
            _contacts.TryAdd(contact.Email, contact);
        }
    }

    public IReadOnlyList<Activity> Activities => _activities;

    public IEnumerable<RuleState> States => _states.SelectMany(rules => rules);

    /// <summary>Feeds the activities up to and including <paramref name="instant"/> that have not been fed yet.</summary>
    public void ObserveUntil(DateTimeOffset instant)
    {
        for (; _observed < _activities.Length && _activities[_observed].OccurredAt <= instant; _observed++)
        {
            var activity = _activities[_observed];
            var engaged = Engaged(activity);
            foreach (var state in States)
            {
                state.Observe(activity, engaged);
            }
        }
    }

    public int ScoreAt(DateTimeOffset instant) =>
        Score(_framework.Criteria.Select((criterion, i) => (criterion.Weight, Best(_states[i], instant))));

    public FrameworkScore ResultAt(DateTimeOffset instant)
    {
        var results = _framework.Criteria.Select((criterion, i) =>
        {
            var status = Best(_states[i], instant);
            var evidence = status == CriterionStatus.Unknown ? []
                : _states[i].Where(state => state.StatusAt(instant) == status).SelectMany(state => state.EvidenceAt(instant)).ToList();
            return new CriterionResult(criterion.Id, criterion.Name, criterion.Weight, status, evidence);
        }).ToList();
        return new FrameworkScore(_framework.Id, Score(results.Select(result => (result.Weight, result.Status))), results);
    }

    /// <summary>Weighted share of the criteria, met counting 1 and partial ½, as a whole percentage (halves round up).</summary>
    internal static int Score(IEnumerable<(decimal Weight, CriterionStatus Status)> criteria)
    {
        decimal total = 0, earned = 0;
        foreach (var (weight, status) in criteria)
        {
            total += weight;
            earned += weight * Credit(status);
        }

        return total == 0 ? 0 : (int)Math.Round(100 * earned / total, MidpointRounding.AwayFromZero);
    }

    private static decimal Credit(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => 1m,
        CriterionStatus.Partial => 0.5m,
        _ => 0m,
    };

    private static CriterionStatus Best(RuleState[] rules, DateTimeOffset instant) =>
        rules.Aggregate(CriterionStatus.Unknown, (best, rule) => (CriterionStatus)Math.Max((int)best, (int)rule.StatusAt(instant)));

    private List<EngagedPerson> Engaged(Activity activity)
    {
        var engaged = new List<EngagedPerson>();
        foreach (var participant in activity.Participants)
        {
            if (participant.IsInternal || participant.Declined)
            {
                continue;
            }

            var contact = _contacts.GetValueOrDefault(participant.Email);
            var ofAccount = participant.AccountId == _accountId || contact?.AccountId == _accountId;
            if (ofAccount && !engaged.Exists(person => string.Equals(person.Address, participant.Email, StringComparison.OrdinalIgnoreCase)))
            {
                engaged.Add(new EngagedPerson(participant.Email, contact?.AccountId == _accountId ? contact : null));
            }
        }

        return engaged;
    }
}
