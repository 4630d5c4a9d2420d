using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// contactTitle and contactRole: a meeting attended by a contact whose title (role) matches, or a call with one, is met
/// (the economic buyer was in the room or on the line); emails with such a contact are partial unless the rule counts
/// meetings only (calls count with meetings: both are a conversation).
/// </summary>
internal sealed class ContactMatchState(EvidenceRule rule, Func<Contact, string?> attribute, string describedAs) : RuleState
{
    private readonly Dictionary<string, bool> _matches = new(StringComparer.Ordinal);
    private readonly Citations _meetings = new();
    private readonly Citations _emails = new();

    public override void Observe(Activity activity, IReadOnlyList<EngagedPerson> engaged)
    {
        var spoken = activity.Kind is ActivityKind.Meeting or ActivityKind.Call;
        if (rule.MeetingsOnly && !spoken)
        {
            return;
        }

        var matched = engaged.Select(person => person.Contact is null ? null : attribute(person.Contact)).FirstOrDefault(Matches);
        if (matched is null)
        {
            return;
        }

        var (citations, what) = activity.Kind switch
        {
            ActivityKind.Meeting => (_meetings, "meeting attended by"),
            ActivityKind.Call => (_meetings, "call with"),
            _ => (_emails, "email with"),
        };
        citations.Add(new Evidence(rule.Type, activity.ActivityId, activity.OccurredAt, $"{what} a contact {describedAs} '{matched}' ({citations.Count + 1} such)"));
    }

    public override CriterionStatus StatusAt(DateTimeOffset asOf) =>
        _meetings.Count > 0 ? CriterionStatus.Met : _emails.Count > 0 ? CriterionStatus.Partial : CriterionStatus.Unknown;

    public override IReadOnlyList<Evidence> EvidenceAt(DateTimeOffset asOf) => _meetings.Count > 0 ? _meetings.Recent : _emails.Recent;

    private bool Matches(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (!_matches.TryGetValue(value, out var matches))
        {
            matches = Matches(rule.Pattern!, value);
            _matches[value] = matches;
        }

        return matches;
    }
}
