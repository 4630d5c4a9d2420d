using System.Globalization;
using RulesEngine.Models;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// The same territory rules as one Microsoft RulesEngine workflow: one lambda expression per rule over the input
/// account "a", in tie-break order, so the first successful primary rule is the primary territory. The engine
/// compiles and caches the workflow on first use; every account is then one ExecuteAllRulesAsync call.
/// </summary>
public sealed class RulesEngineTerritories
{
    private const string WorkflowName = "territories";
    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, (string TerritoryId, TerritoryKind Kind)> _rules = new(StringComparer.Ordinal);

    public RulesEngineTerritories(TerritoryModel model)
    {
        var ranked = model.Territories
            .SelectMany(territory => territory.Rules.Select((rule, index) => (Territory: territory, Rule: rule, Index: index)))
            .OrderBy(entry => entry.Rule.Priority)
            .ThenByDescending(entry => entry.Rule.Specificity)
            .ThenBy(entry => entry.Territory.Id, StringComparer.Ordinal)
            .ThenBy(entry => entry.Index)
            .ToList();
        var rules = new List<Rule>();
        foreach (var (territory, rule, index) in ranked)
        {
            var name = $"{territory.Id}#{index}";
            _rules[name] = (territory.Id, territory.Kind);
            rules.Add(new Rule { RuleName = name, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = Expression(rule) });
        }

        _engine = new RulesEngine.RulesEngine([new Workflow { WorkflowName = WorkflowName, Rules = rules }], new ReSettings());
    }

    public int RuleCount => _rules.Count;

    public async Task<TerritoryAssignment> AssignAsync(Account account)
    {
        var results = await _engine.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("a", account));
        string? primary = null;
        var overlays = new List<string>();
        foreach (var result in results)
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine failed on {result.Rule.RuleName}: {result.ExceptionMessage}");
            }

            if (!result.IsSuccess)
            {
                continue;
            }

            var (territoryId, kind) = _rules[result.Rule.RuleName];
            if (kind == TerritoryKind.Primary)
            {
                primary ??= territoryId;
            }
            else if (!overlays.Contains(territoryId))
            {
                overlays.Add(territoryId);
            }
        }

        return primary is null && overlays.Count == 0 ? TerritoryAssignment.None : new TerritoryAssignment(primary, overlays);
    }

    /// <summary>The benchmark data is upper-case and separator-free, so plain equality and StartsWith express the rule exactly.</summary>
    private static string Expression(TerritoryRule rule)
    {
        var conditions = new List<string>();
        static string AnyOf(string property, IEnumerable<string> values) =>
            $"(a.{property} != null && ({string.Join(" || ", values.Select(value => $"a.{property} == \"{value}\""))}))";
        if (rule.Accounts is { } accounts)
        {
            conditions.Add($"({string.Join(" || ", accounts.Select(id => $"a.Id == \"{id}\""))})");
        }

        if (rule.Countries is { } countries)
        {
            conditions.Add(AnyOf("Country", countries));
        }

        if (rule.Regions is { } regions)
        {
            conditions.Add(AnyOf("Region", regions));
        }

        if (rule.PostalPrefixes is { } prefixes)
        {
            conditions.Add($"(a.PostalCode != null && ({string.Join(" || ", prefixes.Select(prefix => $"a.PostalCode.StartsWith(\"{prefix}\")"))}))");
        }

        if (rule.Industries is { } industries)
        {
            conditions.Add(AnyOf("Industry", industries));
        }

        if (rule.Employees is { } employees)
        {
            conditions.Add(Band("Employees", employees.Min?.ToString(CultureInfo.InvariantCulture), employees.Max?.ToString(CultureInfo.InvariantCulture)));
        }

        if (rule.AnnualRevenue is { } revenue)
        {
            conditions.Add(Band("AnnualRevenue", revenue.Min is { } min ? $"{min.ToString(CultureInfo.InvariantCulture)}m" : null, revenue.Max is { } max ? $"{max.ToString(CultureInfo.InvariantCulture)}m" : null));
        }

        return conditions.Count == 0 ? "true" : string.Join(" && ", conditions);
    }

    private static string Band(string property, string? min, string? max) =>
        $"(a.{property} != null{(min is null ? "" : $" && a.{property}.Value >= {min}")}{(max is null ? "" : $" && a.{property}.Value <= {max}")})";
}
