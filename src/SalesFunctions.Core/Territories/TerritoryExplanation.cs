namespace SalesFunctions.Core.Territories;

/// <summary>
/// Why an account got its territories: every rule of the model in tie-break order (primary rules first, then overlay
/// rules) with its reasons, and the sentence saying which tie-break decided the primary territory.
/// </summary>
public sealed record TerritoryExplanation(TerritoryAssignment Assignment, IReadOnlyList<RuleEvaluation> Rules, string TieBreak)
{
    public override string ToString()
    {
        var lines = new List<string> { Assignment.ToString(), TieBreak };
        foreach (var rule in Rules)
        {
            lines.Add($"{(rule.Matched ? "match" : "no   ")} {rule.Kind.ToString().ToLowerInvariant()} {rule.TerritoryId} rule {rule.RuleIndex} (priority {rule.Priority}, {rule.Specificity} conditions): {string.Join("; ", rule.Reasons)}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
