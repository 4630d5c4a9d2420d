namespace SalesFunctions.Core.Territories;

/// <summary>
/// The deterministic order of rules: lower priority number first, then more conditions (more specific) first, then
/// territory id in ordinal order, then rule position within the territory. Every rule has a distinct place.
/// </summary>
internal sealed class TieBreak : IComparer<CompiledRule>
{
    public static TieBreak Instance { get; } = new();

    public int Compare(CompiledRule? x, CompiledRule? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byPriority = x.Priority.CompareTo(y.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var bySpecificity = y.Specificity.CompareTo(x.Specificity);
        if (bySpecificity != 0)
        {
            return bySpecificity;
        }

        var byTerritory = string.CompareOrdinal(x.TerritoryId, y.TerritoryId);
        return byTerritory != 0 ? byTerritory : x.RuleIndex.CompareTo(y.RuleIndex);
    }

    /// <summary>The sentence saying why <paramref name="winner"/> ranks before <paramref name="runnerUp"/>.</summary>
    public static string Describe(CompiledRule winner, CompiledRule runnerUp) =>
        winner.Priority != runnerUp.Priority
            ? $"{winner.TerritoryId} wins on priority: {winner} has priority {winner.Priority}, {runnerUp} has {runnerUp.Priority} (lower wins)"
        : winner.Specificity != runnerUp.Specificity
            ? $"{winner.TerritoryId} wins on specificity: priority tie at {winner.Priority}; {winner} has {winner.Specificity} conditions, {runnerUp} has {runnerUp.Specificity} (more wins)"
        : $"{winner.TerritoryId} wins on territory id: {winner} and {runnerUp} tie at priority {winner.Priority} with {winner.Specificity} conditions; '{winner.TerritoryId}' sorts before '{runnerUp.TerritoryId}' (ordinal)";
}
