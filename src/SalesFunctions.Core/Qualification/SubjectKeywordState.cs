using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// subjectKeyword: a meeting held (a demo) or an email a rep sent (a proposal) whose subject matches. Only plain-text
/// subjects are read: a hashed subject would match nothing meaningful, so the rule stays unknown without them.
/// </summary>
internal sealed class SubjectKeywordState(EvidenceRule rule, bool subjectsArePlainText) : RuleState
{
    private readonly Citations _matches = new();

    public override void Observe(Activity activity, IReadOnlyList<EngagedPerson> engaged)
    {
        var counts = activity.Kind == ActivityKind.Meeting ? engaged.Count > 0 : activity.Direction == ActivityDirection.Outbound;
        if (subjectsArePlainText && counts && (rule.Kinds.Count == 0 || rule.Kinds.Contains(activity.Kind)) && Matches(rule.Pattern!, activity.Subject))
        {
            var what = activity.Kind == ActivityKind.Meeting ? "meeting held" : "email sent by a rep";
            _matches.Add(new Evidence(rule.Type, activity.ActivityId, activity.OccurredAt, $"{what} whose subject matches ({_matches.Count + 1} such)"));
        }
    }

    public override CriterionStatus StatusAt(DateTimeOffset asOf) => _matches.Count > 0 ? CriterionStatus.Met : CriterionStatus.Unknown;

    public override IReadOnlyList<Evidence> EvidenceAt(DateTimeOffset asOf) => _matches.Recent;
}
