using System.Globalization;
using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// recency: the latest activity is less than <c>days</c> old (met) or less than twice that (partial). The only rule
/// that can lose its status, when time passes without activity.
/// </summary>
internal sealed class RecencyState(EvidenceRule rule) : RuleState
{
    private readonly TimeSpan _window = TimeSpan.FromDays(rule.Days!.Value);
    private Activity? _latest;

    public override void Observe(Activity activity, IReadOnlyList<EngagedPerson> engaged)
    {
        if (engaged.Count > 0)
        {
            _latest = activity;
        }
    }

    public override CriterionStatus StatusAt(DateTimeOffset asOf) => _latest is null ? CriterionStatus.Unknown
        : asOf - _latest.OccurredAt < _window ? CriterionStatus.Met
        : asOf - _latest.OccurredAt < 2 * _window ? CriterionStatus.Partial
        : CriterionStatus.Unknown;

    public override IReadOnlyList<Evidence> EvidenceAt(DateTimeOffset asOf) => _latest is null || StatusAt(asOf) == CriterionStatus.Unknown ? []
        : [new Evidence(rule.Type, _latest.ActivityId, _latest.OccurredAt,
            $"latest activity {(asOf - _latest.OccurredAt).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days before (met within {rule.Days})")];

    public override IEnumerable<DateTimeOffset> ChangeInstants(IReadOnlyList<Activity> activities) =>
        activities.SelectMany(activity => new[] { activity.OccurredAt + _window, activity.OccurredAt + (2 * _window) });
}
