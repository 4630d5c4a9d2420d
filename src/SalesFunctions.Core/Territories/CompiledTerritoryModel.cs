using System.Collections.Frozen;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// A validated model compiled once into candidate indexes. Immutable after compilation, so one instance serves any
/// number of threads. <see cref="Assign"/> is the hot path; <see cref="Explain"/> evaluates every rule for people.
/// </summary>
public sealed class CompiledTerritoryModel
{
    private readonly CandidateIndex _primary;
    private readonly CandidateIndex _overlays;
    private readonly FrozenDictionary<string, string[]> _ancestors;
    private readonly FrozenDictionary<string, FrozenSet<string>> _members;

    private CompiledTerritoryModel(TerritoryModel model)
    {
        Model = model;
        var rules = model.Territories
            .SelectMany(territory => Enumerable.Range(0, territory.Rules.Count).Select(index => new CompiledRule(territory, index)))
            .ToList();
        _primary = new CandidateIndex(rules.Where(rule => rule.Kind == TerritoryKind.Primary));
        _overlays = new CandidateIndex(rules.Where(rule => rule.Kind == TerritoryKind.Overlay));

        var parents = model.Territories.ToDictionary(territory => territory.Id, territory => territory.ParentId, StringComparer.Ordinal);
        _ancestors = model.Territories.ToFrozenDictionary(territory => territory.Id, territory => AncestorsOf(territory.Id, parents), StringComparer.Ordinal);
        _members = model.Territories.ToFrozenDictionary(territory => territory.Id, territory => territory.Members.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public TerritoryModel Model { get; }

    public DateTimeOffset EffectiveFrom => Model.EffectiveFrom;

    /// <summary>
    /// Validates and compiles a model built in code; throws <see cref="ArgumentException"/> listing every error. Only the
    /// checks in code run here: the schema guards files, which are what people write.
    /// </summary>
    public static CompiledTerritoryModel Compile(TerritoryModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = TerritoryModelValidator.Validate(model, "(in memory)", _ => 0);
        return errors.Count == 0
            ? new CompiledTerritoryModel(model)
            : throw new ArgumentException($"Invalid territory model: {string.Join("; ", errors.Select(error => error.Message))}", nameof(model));
    }

    internal static CompiledTerritoryModel CompileValidated(TerritoryModel model) => new(model);

    public TerritoryAssignment Assign(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var primary = _primary.FirstMatch(account);
        var overlays = _overlays.MatchingTerritories(account);
        return primary is null && overlays.Count == 0 ? TerritoryAssignment.None : new TerritoryAssignment(primary?.TerritoryId, overlays);
    }

    /// <summary>Every rule with its reasons; the assignment is derived from the full evaluation, not from the indexes.</summary>
    public TerritoryExplanation Explain(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var evaluations = new List<RuleEvaluation>();
        var matchedPrimaries = new List<CompiledRule>();
        var overlayIds = new List<string>();
        foreach (var rule in _primary.Ranked.Concat(_overlays.Ranked))
        {
            var reasons = new List<string>();
            var matched = rule.Evaluate(account, reasons);
            evaluations.Add(new RuleEvaluation(rule.TerritoryId, rule.RuleIndex, rule.Kind, rule.Priority, rule.Specificity, matched, reasons));
            if (matched && rule.Kind == TerritoryKind.Primary)
            {
                matchedPrimaries.Add(rule);
            }
            else if (matched && !overlayIds.Contains(rule.TerritoryId, StringComparer.Ordinal))
            {
                overlayIds.Add(rule.TerritoryId);
            }
        }

        var winner = matchedPrimaries.FirstOrDefault();
        var runnerUp = matchedPrimaries.FirstOrDefault(rule => winner is not null && !string.Equals(rule.TerritoryId, winner.TerritoryId, StringComparison.Ordinal));
        var tieBreak = (winner, runnerUp) switch
        {
            (null, _) => "no primary rule matched",
            (_, null) => $"{winner.TerritoryId} is the only matching primary territory ({winner})",
            _ => TieBreak.Describe(winner, runnerUp),
        };
        var assignment = winner is null && overlayIds.Count == 0 ? TerritoryAssignment.None : new TerritoryAssignment(winner?.TerritoryId, overlayIds);
        return new TerritoryExplanation(assignment, evaluations, tieBreak);
    }

    /// <summary>The parent, its parent and so on up to the root; empty for a root or an unknown id.</summary>
    public IReadOnlyList<string> Ancestors(string territoryId) => _ancestors.GetValueOrDefault(territoryId, []);

    /// <summary>Whether the rep covers the account (a member of its primary or an overlay territory, or of an ancestor of one) or is poaching.</summary>
    public TerritoryCoverage CoverageOf(string repId, TerritoryAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.PrimaryId is { } primary)
        {
            if (IsMember(repId, primary))
            {
                return TerritoryCoverage.PrimaryTerritory;
            }

            if (IsMemberOfAncestor(repId, primary))
            {
                return TerritoryCoverage.PrimaryAncestor;
            }
        }

        foreach (var overlay in assignment.OverlayIds)
        {
            if (IsMember(repId, overlay))
            {
                return TerritoryCoverage.OverlayTerritory;
            }
        }

        foreach (var overlay in assignment.OverlayIds)
        {
            if (IsMemberOfAncestor(repId, overlay))
            {
                return TerritoryCoverage.OverlayAncestor;
            }
        }

        return TerritoryCoverage.None;
    }

    private static string[] AncestorsOf(string territoryId, Dictionary<string, string?> parents)
    {
        // Validation has ruled out cycles and unknown parents.
        var ancestors = new List<string>();
        for (var parent = parents[territoryId]; parent is not null; parent = parents[parent])
        {
            ancestors.Add(parent);
        }

        return [.. ancestors];
    }

    private bool IsMember(string repId, string territoryId) =>
        _members.TryGetValue(territoryId, out var members) && members.Contains(repId);

    private bool IsMemberOfAncestor(string repId, string territoryId)
    {
        foreach (var ancestor in Ancestors(territoryId))
        {
            if (IsMember(repId, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
