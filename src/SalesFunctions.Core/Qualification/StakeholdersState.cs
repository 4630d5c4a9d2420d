using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Qualification;

/// <summary>stakeholders: how many distinct people of the account have been engaged; each first engagement is cited.</summary>
internal sealed class StakeholdersState(EvidenceRule rule) : RuleState
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Citations _firstEngagements = new();

    public override void Observe(Activity activity, IReadOnlyList<EngagedPerson> engaged)
    {
        var added = engaged.Count(person => _seen.Add(person.Address));
        if (added > 0)
        {
            _firstEngagements.Add(new Evidence(rule.Type, activity.ActivityId, activity.OccurredAt,
                $"{added} new stakeholder(s), {_seen.Count} distinct in all (met at {rule.Min})"));
        }
    }

    public override CriterionStatus StatusAt(DateTimeOffset asOf) =>
        _seen.Count >= rule.Min ? CriterionStatus.Met : _seen.Count > 0 ? CriterionStatus.Partial : CriterionStatus.Unknown;

    public override IReadOnlyList<Evidence> EvidenceAt(DateTimeOffset asOf) => _firstEngagements.Recent;
}
