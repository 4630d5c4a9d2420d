using System.Text.RegularExpressions;
using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// What one evidence rule has learned from the activities observed so far, in time order. Observation is cumulative
/// and the status is read at an instant in O(1), which lets <see cref="QualificationEngine.History"/> replay an
/// account's activities once instead of re-evaluating everything at every instant.
/// </summary>
internal abstract class RuleState
{
    /// <summary>How many activities a piece of evidence cites at most; the detail gives the full count.</summary>
    public const int MaxCitations = 10;

    public static RuleState Create(EvidenceRule rule, QualificationInput input) => rule.Type switch
    {
        EvidenceRuleType.CrmField => DealFieldState.ForField(rule, input.Deal),
        EvidenceRuleType.DealStage => DealFieldState.ForStage(rule, input.Deal),
        EvidenceRuleType.ContactTitle => new ContactMatchState(rule, contact => contact.Title, "titled"),
        EvidenceRuleType.ContactRole => new ContactMatchState(rule, contact => contact.Role, "with the role"),
        EvidenceRuleType.Stakeholders => new StakeholdersState(rule),
        EvidenceRuleType.RepeatedContact => new RepeatedContactState(rule),
        EvidenceRuleType.Recency => new RecencyState(rule),
        EvidenceRuleType.SubjectKeyword => new SubjectKeywordState(rule, input.SubjectsArePlainText),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Type, "unknown rule type"),
    };

    /// <summary>Called for every activity at or before the instant of interest, in OccurredAt order.</summary>
    public virtual void Observe(Activity activity, IReadOnlyList<EngagedPerson> engaged)
    {
    }

    public abstract CriterionStatus StatusAt(DateTimeOffset asOf);

    public abstract IReadOnlyList<Evidence> EvidenceAt(DateTimeOffset asOf);

    /// <summary>Instants besides activity times where the status can change (a CRM field set, recency running out).</summary>
    public virtual IEnumerable<DateTimeOffset> ChangeInstants(IReadOnlyList<Activity> activities) => [];

    protected static bool Matches(Regex pattern, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern too costly for this text proves nothing; the rest of the evaluation goes on.
            return false;
        }
    }

    /// <summary>Keeps the most recent citations and counts all of them.</summary>
    protected sealed class Citations
    {
        private readonly Queue<Evidence> _recent = new();

        public int Count { get; private set; }

        public IReadOnlyList<Evidence> Recent => [.. _recent];

        public void Add(Evidence evidence)
        {
            Count++;
            _recent.Enqueue(evidence);
            if (_recent.Count > MaxCitations)
            {
                _recent.Dequeue();
            }
        }
    }
}
