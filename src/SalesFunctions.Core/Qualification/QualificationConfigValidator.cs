using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Json;
using static SalesFunctions.Core.Qualification.QualificationDocument;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// Checks a deserialized configuration and builds the frameworks from it, collecting every error with its line rather
/// than stopping at the first, so one upload shows everything to fix.
/// </summary>
internal sealed class QualificationConfigValidator(string file, JsonLineMap lines)
{
    /// <summary>Generous for a title or subject, and a bound on what a pathological pattern can cost per match.</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly FrozenDictionary<string, EvidenceRuleType> RuleTypes = Enum.GetValues<EvidenceRuleType>()
        .ToFrozenDictionary(type => JsonName(type.ToString()), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ActivityKind> Kinds = Enum.GetValues<ActivityKind>()
        .ToFrozenDictionary(kind => JsonName(kind.ToString()), StringComparer.Ordinal);

    /// <summary>What each rule type accepts besides "type"; anything else is an error rather than silently ignored.</summary>
    private static readonly FrozenDictionary<EvidenceRuleType, string[]> Parameters = new Dictionary<EvidenceRuleType, string[]>
    {
        [EvidenceRuleType.CrmField] = ["field", "min"],
        [EvidenceRuleType.ContactTitle] = ["pattern", "meetingsOnly"],
        [EvidenceRuleType.ContactRole] = ["pattern", "meetingsOnly"],
        [EvidenceRuleType.Stakeholders] = ["min"],
        [EvidenceRuleType.RepeatedContact] = ["min"],
        [EvidenceRuleType.Recency] = ["days"],
        [EvidenceRuleType.SubjectKeyword] = ["pattern", "kinds"],
        [EvidenceRuleType.DealStage] = ["stages"],
    }.ToFrozenDictionary();

    public List<QualificationError> Errors { get; } = [];

    public QualificationConfig? Validate(QualificationDocument document, IReadOnlyDictionary<string, Framework> baseFrameworks)
    {
        var threshold = document.Threshold ?? QualificationConfig.DefaultThreshold;
        Check(threshold is >= 0 and <= 100, "threshold", "threshold must be between 0 and 100");
        var lookbackDays = document.LookbackDays ?? QualificationConfig.DefaultLookbackDays;
        Check(lookbackDays >= 1, "lookbackDays", "lookbackDays must be at least 1");

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
        return Errors.Count == 0 ? new QualificationConfig(threshold, lookbackDays, frameworks, pipelines) : null;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

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

        Check(written.ContainsKey(QualificationConfig.DefaultPipeline), "pipelines", $"pipelines must include '{QualificationConfig.DefaultPipeline}', used for deals whose pipeline is not listed");
        foreach (var (pipeline, ids) in written)
        {
            Check(ids.Count > 0, $"pipelines.{pipeline}", $"pipeline '{pipeline}' must name at least one framework");
            for (var i = 0; i < ids.Count; i++)
            {
                // A framework the file defines but got wrong is reported once, where it is defined.
                Check(frameworks.ContainsKey(ids[i]) || declared.Contains(ids[i]), $"pipelines.{pipeline}[{i}]",
                    $"pipeline '{pipeline}' references unknown framework '{ids[i]}'; known: {string.Join(", ", frameworks.Keys.Order(StringComparer.Ordinal))}");
                Check(ids.IndexOf(ids[i]) == i, $"pipelines.{pipeline}[{i}]", $"pipeline '{pipeline}' lists framework '{ids[i]}' twice");
            }

            pipelines[pipeline] = ids;
        }

        return pipelines;
    }

    private Framework? Framework(FrameworkDocument framework, string path)
    {
        var before = Errors.Count;
        Check(!string.IsNullOrWhiteSpace(framework.Id), path, "a framework needs an id");
        Check(framework.Criteria is { Count: > 0 }, path, "a framework needs at least one criterion");
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

        return Errors.Count == before ? new Framework(framework.Id!, framework.Name ?? framework.Id!, criteria) : null;
    }

    private Criterion? Criterion(CriterionDocument criterion, string path)
    {
        var before = Errors.Count;
        Check(!string.IsNullOrWhiteSpace(criterion.Id), path, "a criterion needs an id");
        Check(criterion.Weight is > 0, criterion.Weight is null ? path : $"{path}.weight", "a criterion needs a weight greater than 0");
        Check(criterion.Rules is { Count: > 0 }, path, "a criterion needs at least one rule");
        var rules = new List<EvidenceRule>();
        for (var i = 0; i < (criterion.Rules?.Count ?? 0); i++)
        {
            if (Rule(criterion.Rules![i], $"{path}.rules[{i}]") is { } rule)
            {
                rules.Add(rule);
            }
        }

        return Errors.Count == before ? new Criterion(criterion.Id!, criterion.Name ?? criterion.Id!, criterion.Weight!.Value, rules) : null;
    }

    private EvidenceRule? Rule(RuleDocument rule, string path)
    {
        if (rule.Type is null || !RuleTypes.TryGetValue(rule.Type, out var type))
        {
            Error(rule.Type is null ? path : $"{path}.type",
                $"{(rule.Type is null ? "a rule needs a type" : $"unknown rule type '{rule.Type}'")}; expected one of: {string.Join(", ", RuleTypes.Keys.Order(StringComparer.Ordinal))}");
            return null;
        }

        var before = Errors.Count;
        var name = JsonName(type.ToString());
        switch (type)
        {
            case EvidenceRuleType.CrmField:
                Check(!string.IsNullOrWhiteSpace(rule.Field), path, "a crmField rule needs 'field'");
                break;
            case EvidenceRuleType.ContactTitle or EvidenceRuleType.ContactRole or EvidenceRuleType.SubjectKeyword:
                Check(!string.IsNullOrEmpty(rule.Pattern), path, $"a {name} rule needs 'pattern'");
                break;
            case EvidenceRuleType.Stakeholders or EvidenceRuleType.RepeatedContact:
                var lowest = type == EvidenceRuleType.Stakeholders ? 1 : 2;
                Check(rule.Min is not null, path, $"a {name} rule needs 'min'");
                Check(rule.Min is null || (rule.Min >= lowest && decimal.Truncate(rule.Min.Value) == rule.Min), $"{path}.min", $"min must be a whole number of at least {lowest}");
                break;
            case EvidenceRuleType.Recency:
                Check(rule.Days is not null, path, "a recency rule needs 'days'");
                Check(rule.Days is null or >= 1, $"{path}.days", "days must be at least 1");
                break;
            default:
                Check(rule.Stages is { Count: > 0 }, path, "a dealStage rule needs 'stages'");
                break;
        }

        RejectOthers(rule, Parameters[type], path, name);
        var pattern = rule.Pattern is { Length: > 0 } ? Compile(rule.Pattern, $"{path}.pattern") : null;
        var kinds = (rule.Kinds ?? []).Select((kind, i) => KindOf(kind, $"{path}.kinds[{i}]")).OfType<ActivityKind>().ToList();
        return Errors.Count == before
            ? new EvidenceRule(type)
            {
                Field = rule.Field,
                Min = rule.Min,
                Pattern = pattern,
                MeetingsOnly = rule.MeetingsOnly ?? false,
                Days = rule.Days,
                Kinds = kinds,
                Stages = rule.Stages ?? [],
            }
            : null;
    }

    private void RejectOthers(RuleDocument rule, string[] allowed, string path, string type)
    {
        var given = new (string Name, object? Value)[]
        {
            ("field", rule.Field), ("min", rule.Min), ("pattern", rule.Pattern), ("meetingsOnly", rule.MeetingsOnly),
            ("days", rule.Days), ("kinds", rule.Kinds), ("stages", rule.Stages),
        };
        foreach (var (name, _) in given.Where(parameter => parameter.Value is not null && !allowed.Contains(parameter.Name)))
        {
            Error($"{path}.{name}", $"parameter '{name}' does not apply to a {type} rule");
        }
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

    private ActivityKind? KindOf(string kind, string path)
    {
        if (Kinds.TryGetValue(kind, out var parsed))
        {
            return parsed;
        }

        Error(path, $"unknown activity kind '{kind}'; expected one of: {string.Join(", ", Kinds.Keys.Order(StringComparer.Ordinal))}");
        return null;
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
