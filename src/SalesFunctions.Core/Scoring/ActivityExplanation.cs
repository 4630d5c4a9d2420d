using SalesFunctions.Core.Activities;

namespace SalesFunctions.Core.Scoring;

/// <summary>What <see cref="ActivityExplainer"/> reports for one stored activity.</summary>
/// <param name="StoredTerritories">The stamp on the stored activity: what its KPIs count.</param>
/// <param name="TerritoriesNow">What stamping the stored activity again would give under the same model version with today's directory.</param>
public sealed record ActivityExplanation(
    string ActivityId,
    ActivityKind Kind,
    DateTimeOffset OccurredAt,
    DateOnly Day,
    IReadOnlyList<ParticipantExplanation> Participants,
    IReadOnlyList<string> StoredTerritories,
    IReadOnlyList<string> TerritoriesNow,
    IReadOnlyList<string> RepsOutsideTerritory,
    DateTimeOffset? ModelEffectiveFrom,
    IReadOnlyList<AccountTerritoryExplanation> Accounts);
