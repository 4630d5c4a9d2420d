using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Qualification;

/// <summary>
/// The configuration file as written (docs/schemas/qualification.schema.json): every value optional so that a
/// missing one is reported by the validator, with its line, instead of by the serializer.
/// </summary>
internal sealed record QualificationDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public int? Threshold { get; init; }

    public int? LookbackDays { get; init; }

    public Dictionary<string, List<string>>? Pipelines { get; init; }

    public List<FrameworkDocument>? Frameworks { get; init; }

    internal sealed record FrameworkDocument(string? Id, string? Name, List<CriterionDocument>? Criteria);

    internal sealed record CriterionDocument(string? Id, string? Name, decimal? Weight, List<RuleDocument>? Rules);

    internal sealed record RuleDocument(
        string? Type,
        string? Field,
        decimal? Min,
        string? Pattern,
        bool? MeetingsOnly,
        int? Days,
        List<string>? Kinds,
        List<string>? Stages);
}
