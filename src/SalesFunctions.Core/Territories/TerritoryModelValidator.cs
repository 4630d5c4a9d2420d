using System.Globalization;
using System.Numerics;

namespace SalesFunctions.Core.Territories;

/// <summary>
/// The checks a model must pass before it is compiled that its JSON schema (docs/schemas/territory-model.schema.json,
/// run by <see cref="TerritoryModelFile"/>) cannot express: ids unique, parents that exist without cycles or a primary
/// under an overlay, leaves with rules, bands in order, postal prefixes with something to match. Each error points at its
/// source line.
/// </summary>
internal static class TerritoryModelValidator
{
    /// <param name="lineOf">The source line of a path such as <c>territories[3].parentId</c>; 0 for models built in code.</param>
    public static List<TerritoryError> Validate(TerritoryModel model, string file, Func<string, int> lineOf)
    {
        var errors = new List<TerritoryError>();
        void Error(string path, string message) => errors.Add(new TerritoryError(file, lineOf(path), message));

        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < model.Territories.Count; i++)
        {
            var territory = model.Territories[i];
            if (!indexById.TryAdd(territory.Id, i))
            {
                Error($"territories[{i}].id", $"duplicate territory id '{territory.Id}' (first defined on line {lineOf($"territories[{indexById[territory.Id]}].id")})");
            }

            for (var r = 0; r < territory.Rules.Count; r++)
            {
                ValidateRule(territory.Rules[r], $"territories[{i}].rules[{r}]", Error);
            }
        }

        var parents = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < model.Territories.Count; i++)
        {
            var territory = model.Territories[i];
            if (territory.ParentId is not { } parentId)
            {
                continue;
            }

            parents.Add(parentId);
            if (!indexById.TryGetValue(parentId, out var parentIndex))
            {
                Error($"territories[{i}].parentId", $"territory '{territory.Id}' has unknown parent '{parentId}'");
                continue;
            }

            var parent = model.Territories[parentIndex];
            if (territory.Kind == TerritoryKind.Overlay && parent.Kind == TerritoryKind.Primary && parent.Rules.Count > 0)
            {
                Error($"territories[{i}].parentId", $"overlay '{territory.Id}' has the primary territory '{parentId}' as its parent: its members would cover every account of the overlay; use another overlay or a grouping territory without rules");
            }
            else if (territory.Kind == TerritoryKind.Primary && parent.Kind == TerritoryKind.Overlay)
            {
                Error($"territories[{i}].parentId", $"primary territory '{territory.Id}' has the overlay '{parentId}' as its parent");
            }
        }

        for (var i = 0; i < model.Territories.Count; i++)
        {
            var territory = model.Territories[i];
            if (territory.Rules.Count == 0 && !parents.Contains(territory.Id ?? string.Empty))
            {
                Error($"territories[{i}]", $"territory '{territory.Id}' has no rules and no child territories, so no account can ever be assigned to it");
            }

            if (CycleFrom(model, indexById, i) is { } cycle)
            {
                Error($"territories[{i}].parentId", $"cycle in the territory hierarchy: {string.Join(" → ", cycle)}");
            }
        }

        return errors;
    }

    /// <summary>The cycle through territory <paramref name="start"/>, reported only from its first member in file order so each cycle is one error.</summary>
    private static List<string>? CycleFrom(TerritoryModel model, Dictionary<string, int> indexById, int start)
    {
        var path = new List<string> { model.Territories[start].Id };
        var current = start;
        for (var steps = 0; steps < model.Territories.Count; steps++)
        {
            if (model.Territories[current].ParentId is not { } parentId || !indexById.TryGetValue(parentId, out var parent))
            {
                return null;
            }

            if (parent < start)
            {
                // Either not a cycle through start, or one already reported from its first member.
                return null;
            }

            path.Add(parentId);
            if (parent == start)
            {
                return path;
            }

            current = parent;
        }

        return null;
    }

    private static void ValidateRule(TerritoryRule rule, string path, Action<string, string> error)
    {
        foreach (var prefix in rule.PostalPrefixes ?? [])
        {
            if (prefix is not null && CompiledRule.NormalisePostal(prefix).Length == 0)
            {
                error($"{path}.postalPrefixes", $"postal prefix '{prefix}' has no letters or digits");
            }
        }

        ValidateBand(rule.Employees, $"{path}.employees", "employees", error);
        ValidateBand(rule.AnnualRevenue, $"{path}.annualRevenue", "annualRevenue", error);
    }

    private static void ValidateBand<T>(Band<T>? band, string path, string name, Action<string, string> error)
        where T : struct, INumber<T>
    {
        if (band is { Min: { } min, Max: { } max } && min > max)
        {
            error(path, string.Create(CultureInfo.InvariantCulture, $"'{name}' band has min {min} greater than max {max}"));
        }
    }
}
