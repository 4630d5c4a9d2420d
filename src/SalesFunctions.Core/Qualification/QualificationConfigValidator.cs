using System.Text.RegularExpressions;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Json;
using static SalesFunctions.Core.Qualification.QualificationDocument;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// Builds the frameworks from a configuration that has passed its schema (docs/schemas/qualification.schema.json, run
/// by <see cref="QualificationConfigFile"/>: types, ranges, required and allowed parameters per rule type), with the
/// checks the schema cannot express: ids unique within the file and framework, pipelines that name known frameworks,
/// patterns that compile. It collects every error with its line rather than stopping at the first, and it also runs
/// when the schema found errors (tolerating what is missing), so that one upload shows everything to fix.
/// </summary>
internal sealed class QualificationConfigValidator(string file, JsonLineMap lines)
{
    /// <summary>Generous for a title or subject, and a bound on what a pathological pattern can cost per match.</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public List<QualificationError> Errors { get; } = [];

    public QualificationConfig? Validate(QualificationDocument document, IReadOnlyDictionary<string, Framework> baseFrameworks)
    {
        var frameworks = new Dictionary<string, Framework>(baseFrameworks, StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (document.Frameworks?.Count ?? 0); i++)
        {
            var path = $"frameworks[{i}]";
            var written = document.Frameworks![i];
            Check(written.Id is null || declared.Add(written.Id), $"{path}.id", $"framework '{written.Id}' is defined twice");
            if (Framework(written, path) is { } framework)
            {
                frameworks[framework.Id] = framework;
            }
        }

        var pipelines = Pipelines(document.Pipelines, frameworks, declared);
        return Errors.Count == 0
            ? new QualificationConfig(document.Threshold ?? QualificationConfig.DefaultThreshold, document.LookbackDays ?? QualificationConfig.DefaultLookbackDays, frameworks, pipelines)
            : null;
    }

    private Dictionary<string, IReadOnlyList<string>> Pipelines(Dictionary<string, List<string>>? written, Dictionary<string, Framework> frameworks, HashSet<string> declared)
    {
        var pipelines = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (written is null)
        {
            // Without a pipelines section every pipeline is judged by BANT, the framework most teams start from.
            if (frameworks.ContainsKey("BANT"))
            {
                pipelines[QualificationConfig.DefaultPipeline] = ["BANT"];
            }

            return pipelines;
        }

        foreach (var (pipeline, ids) in written)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                // A framework the file defines but got wrong is reported once, where it is defined.
                Check(frameworks.ContainsKey(ids[i]) || declared.Contains(ids[i]), $"pipelines.{pipeline}[{i}]",
                    $"pipeline '{pipeline}' references unknown framework '{ids[i]}'; known: {string.Join(", ", frameworks.Keys.Order(StringComparer.Ordinal))}");
            }

            pipelines[pipeline] = ids;
        }

        return pipelines;
    }

    private Framework? Framework(FrameworkDocument framework, string path)
    {
        var before = Errors.Count;
        var criteria = new List<Criterion>();
        var criterionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (framework.Criteria?.Count ?? 0); i++)
        {
            var criterionPath = $"{path}.criteria[{i}]";
            if (Criterion(framework.Criteria![i], criterionPath) is { } criterion)
            {
                Check(criterionIds.Add(criterion.Id), $"{criterionPath}.id", $"criterion '{criterion.Id}' is defined twice in framework '{framework.Id}'");
                criteria.Add(criterion);
            }
        }

        return Errors.Count == before && framework.Id is { } id ? new Framework(id, framework.Name ?? id, criteria) : null;
    }

    private Criterion? Criterion(CriterionDocument criterion, string path)
    {
        var before = Errors.Count;
        var rules = new List<EvidenceRule>();
        for (var i = 0; i < (criterion.Rules?.Count ?? 0); i++)
        {
            if (Rule(criterion.Rules![i], $"{path}.rules[{i}]") is { } rule)
            {
                rules.Add(rule);
            }
        }

        return Errors.Count == before && criterion.Id is { } id ? new Criterion(id, criterion.Name ?? id, criterion.Weight ?? 0, rules) : null;
    }

    private EvidenceRule? Rule(RuleDocument rule, string path)
    {
        var pattern = rule.Pattern is { Length: > 0 } ? Compile(rule.Pattern, $"{path}.pattern") : null;
        return (rule.Pattern is { Length: > 0 } && pattern is null) || !Enum.TryParse<EvidenceRuleType>(rule.Type, ignoreCase: true, out var type)
            ? null
            : new EvidenceRule(type)
            {
                Field = rule.Field,
                Min = rule.Min,
                Pattern = pattern,
                MeetingsOnly = rule.MeetingsOnly ?? false,
                Days = rule.Days,
                Kinds = [.. (rule.Kinds ?? []).Select(kind => Enum.TryParse<ActivityKind>(kind, ignoreCase: true, out var parsed) ? parsed : (ActivityKind?)null).OfType<ActivityKind>()],
                Stages = rule.Stages ?? [],
            };
    }

    private Regex? Compile(string pattern, string path)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            Error(path, $"invalid regular expression: {exception.Message}");
            return null;
        }
    }

    private void Check(bool condition, string path, string message)
    {
        if (!condition)
        {
            Error(path, message);
        }
    }

    private void Error(string path, string message) => Errors.Add(new QualificationError(file, lines.Of(path), message));
}
