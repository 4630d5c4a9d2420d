using SalesFunctions.Core.Qualification;

namespace SalesFunctions.Core.Tests.Qualification;

public sealed class QualificationConfigFileTests
{
    private const string Valid = """
        {
          "$schema": "../schemas/qualification.schema.json",
          // Comments are allowed: configuration is edited by hand.
          "threshold": 60,
          "lookbackDays": 120,
          "pipelines": {
            "default": ["BANT", "MEDDIC"],
            "enterprise": ["MEDDPICC", "Custom"]
          },
          "frameworks": [
            {
              "id": "Custom",
              "name": "Custom",
              "criteria": [
                { "id": "pain", "weight": 2, "rules": [{ "type": "crmField", "field": "pain" }] },
                { "id": "exec", "weight": 1, "rules": [{ "type": "contactTitle", "pattern": "chief|vp", "meetingsOnly": true }] }
              ]
            },
            {
              "id": "BANT",
              "criteria": [{ "id": "budget", "weight": 1, "rules": [{ "type": "crmField", "field": "amount", "min": 10000 }] }]
            }
          ]
        }
        """;

    [Fact]
    public void Parse_WhenValid_GivesFrameworksAndPipelines()
    {
        var result = QualificationConfigFile.Parse(Valid, "qualification.json");

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        Assert.Equal(60, result.Config.Threshold);
        Assert.Equal(120, result.Config.LookbackDays);
        Assert.Equal(["MEDDPICC", "Custom"], result.Config.FrameworksFor("enterprise").Select(f => f.Id));
        Assert.Equal(["BANT", "MEDDIC"], result.Config.FrameworksFor("unlisted").Select(f => f.Id));
        Assert.Equal(["budget"], result.Config.Frameworks["BANT"].Criteria.Select(c => c.Id));
        Assert.Equal(4, QualificationConfigFile.BuiltIns["BANT"].Criteria.Count);
        var exec = result.Config.Frameworks["Custom"].Criteria[1].Rules[0];
        Assert.True(exec.MeetingsOnly);
        Assert.Matches(exec.Pattern!, "Chief Revenue Officer");
    }

    [Fact]
    public void Parse_WhenNoPipelines_UsesBantWithDefaults()
    {
        var result = QualificationConfigFile.Parse("{}", "q.json");

        Assert.True(result.Succeeded);
        Assert.Equal(QualificationConfig.DefaultThreshold, result.Config.Threshold);
        Assert.Equal(["BANT"], result.Config.FrameworksFor(null).Select(f => f.Id));
        Assert.Equal(6, result.Config.Frameworks.Count);
    }

    public static TheoryData<string, string, string, int, string> BrokenFiles => new()
    {
        { "syntax error", "\"enterprise\": [", "\"enterprise\" [", 8, "" },
        { "unknown framework", "\"MEDDPICC\", \"Custom\"", "\"MEDDPICC\", \"SPICED\"", 8, "pipeline 'enterprise' references unknown framework 'SPICED'" },
        { "duplicate criterion", "{ \"id\": \"exec\"", "{ \"id\": \"pain\"", 16, "criterion 'pain' is defined twice in framework 'Custom'" },
        { "unknown rule type", "\"type\": \"contactTitle\"", "\"type\": \"contactTitel\"", 16, "unknown rule type 'contactTitel'" },
        { "zero weight", "\"weight\": 2", "\"weight\": 0", 15, "weight must be greater than 0" },
        { "invalid regex", "\"chief|vp\"", "\"chief(vp\"", 16, "invalid regular expression" },
        { "missing parameter", "{ \"type\": \"crmField\", \"field\": \"pain\" }", "{ \"type\": \"crmField\" }", 15, "a crmField rule needs 'field'" },
        { "parameter of another type", "\"field\": \"pain\"", "\"field\": \"pain\", \"days\": 3", 15, "unknown property 'days' in a crmField rule" },
        { "unknown property", "\"threshold\": 60", "\"treshold\": 60", 4, "unknown property" },
        { "threshold out of range", "\"threshold\": 60", "\"threshold\": 160", 4, "threshold must be at most 100" },
        { "no default pipeline", "\"default\": [", "\"standard\": [", 6, "'pipelines' needs 'default'" },
        { "rule missing its type", "{ \"type\": \"crmField\", \"field\": \"pain\" }", "{ \"field\": \"pain\" }", 15, "a rule needs 'type'" },
        { "pipeline naming a framework twice", "\"MEDDPICC\", \"Custom\"", "\"Custom\", \"Custom\"", 8, "'enterprise' lists a value twice" },
        { "duplicate framework", "\"id\": \"BANT\"", "\"id\": \"Custom\"", 20, "framework 'Custom' is defined twice" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Parse_WhenBroken_ReportsFileLineAndMessage(string name, string find, string replace, int line, string message)
    {
        var broken = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, broken);

        var result = QualificationConfigFile.Parse(broken, "qualification.json");

        Assert.False(result.Succeeded, name);
        var error = Assert.Single(result.Errors);
        Assert.Equal("qualification.json", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenSeveralProblems_ReportsThemAll()
    {
        var broken = Valid.Replace("\"weight\": 2", "\"weight\": -1", StringComparison.Ordinal).Replace("\"Custom\"]", "\"Nope\"]", StringComparison.Ordinal);

        var result = QualificationConfigFile.Parse(broken, "q.json");

        Assert.Equal([8, 15], result.Errors.Select(e => e.Line).Order());
    }

    [Fact]
    public void Schema_WhenPublished_NamesExactlyTheRuleTypesTheEngineRuns()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(SalesFunctions.Tests.Shared.Fixtures.RepositoryRoot, "docs", "schemas", "qualification.schema.json")))!;
        var inSchema = schema["$defs"]!["rule"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.Equal(
            Enum.GetValues<EvidenceRuleType>().Select(type => $"{char.ToLowerInvariant(type.ToString()[0])}{type.ToString()[1..]}").Order(StringComparer.Ordinal),
            inSchema.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_WhenTheDocumentedExample_Succeeds()
    {
        var doc = File.ReadAllText(Path.Combine(SalesFunctions.Tests.Shared.Fixtures.RepositoryRoot, "docs", "qualification.md"));
        var start = doc.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var result = QualificationConfigFile.Parse(example, "docs/qualification.md");

        Assert.Empty(result.Errors);
        Assert.Equal(["BANT", "MEDDIC"], result.Config!.FrameworksFor("default").Select(f => f.Id));
    }
}
