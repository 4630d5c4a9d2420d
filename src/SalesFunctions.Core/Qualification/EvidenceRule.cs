using System.Text.RegularExpressions;
using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// One way a criterion can be proven. Only the parameters of its <see cref="Type"/> are set: the configuration
/// validator rejects the others, so a rule never carries a parameter that silently does nothing.
/// </summary>
public sealed record EvidenceRule(EvidenceRuleType Type)
{
    /// <summary>crmField: the deal field (CrmFields name).</summary>
    public string? Field { get; init; }

    /// <summary>crmField: numeric threshold; stakeholders and repeatedContact: the count that makes the rule met.</summary>
    public decimal? Min { get; init; }

    /// <summary>contactTitle, contactRole, subjectKeyword: case-insensitive, compiled once with a match timeout.</summary>
    public Regex? Pattern { get; init; }

    /// <summary>contactTitle, contactRole: emails with a matching contact are not even partial evidence.</summary>
    public bool MeetingsOnly { get; init; }

    /// <summary>recency: an activity less than this many days before the evaluation instant.</summary>
    public int? Days { get; init; }

    /// <summary>subjectKeyword: the activity kinds whose subjects count (both when empty).</summary>
    public IReadOnlyList<ActivityKind> Kinds { get; init; } = [];

    /// <summary>dealStage: the stages (case-insensitive) that meet the rule.</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];
}
