using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// repeatedContact, the champion signal: the one external person engaged in the most distinct activities; met at the
/// rule's minimum, partial from two. The first person to reach the highest count stays the one cited.
/// </summary>
internal sealed class RepeatedContactState(EvidenceRule rule) : RuleState
{
    private readonly Dictionary<string, Citations> _byPerson = new(StringComparer.OrdinalIgnoreCase);
    private Citations? _mostEngaged;

    public override void Observe(Activity activity, IReadOnlyList<EngagedPerson> engaged)
    {
        foreach (var person in engaged)
        {
            if (!_byPerson.TryGetValue(person.Address, out var citations))
            {
                citations = new Citations();
                _byPerson[person.Address] = citations;
            }

            citations.Add(new Evidence(rule.Type, activity.ActivityId, activity.OccurredAt,
                $"activity {citations.Count + 1} with the same external contact (met at {rule.Min})"));
            if (_mostEngaged is null || citations.Count > _mostEngaged.Count)
            {
                _mostEngaged = citations;
            }
        }
    }

    public override CriterionStatus StatusAt(DateTimeOffset asOf) => _mostEngaged?.Count switch
    {
        { } count when count >= rule.Min => CriterionStatus.Met,
        >= 2 => CriterionStatus.Partial,
        _ => CriterionStatus.Unknown,
    };

    public override IReadOnlyList<Evidence> EvidenceAt(DateTimeOffset asOf) => _mostEngaged?.Recent ?? [];
}
