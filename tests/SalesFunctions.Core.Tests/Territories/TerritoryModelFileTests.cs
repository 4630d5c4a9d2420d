using SalesFunctions.Core.Territories;
using SalesFunctions.Tests.Shared;
using static SalesFunctions.Core.Tests.Territories.TerritoryModels;

namespace SalesFunctions.Core.Tests.Territories;

public sealed class TerritoryModelFileTests
{
    private const string Valid = """
        {
          "$schema": "../schemas/territory-model.schema.json",
          // Comments are allowed: models are edited by hand.
          "effectiveFrom": "2026-01-01T00:00:00Z",
          "territories": [
            { "id": "global", "name": "Global" },
            { "id": "emea", "parentId": "global" },
            {
              "id": "dach-enterprise",
              "parentId": "emea",
              "members": ["rep-01", "rep-02"],
              "rules": [
                { "priority": 100, "countries": ["DE", "AT", "CH"], "employees": { "min": 1000 } }
              ]
            },
            { "id": "analytics", "kind": "overlay", "rules": [{ "priority": 500, "industries": ["Analytics"] }] },
          ]
        }
        """;

    [Fact]
    public void Parse_WhenValid_CompilesTheModel()
    {
        var result = TerritoryModelFile.Parse(Valid, "territories.json");

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), result.Model.EffectiveFrom);
        var assignment = result.Model.Assign(Account(country: "AT", employees: 2000, industry: "analytics"));
        Assert.Equal(new TerritoryAssignment("dach-enterprise", ["analytics"]), assignment);
        Assert.Equal(TerritoryKind.Overlay, result.Model.Model.Territories[3].Kind);
    }

    public static TheoryData<string, string, int, string> BrokenFiles => new()
    {
        {
            "syntax error",
            Valid.Replace("\"emea\", \"parentId\"", "\"emea\" \"parentId\"", StringComparison.Ordinal),
            7,
            ""
        },
        {
            "unknown parent",
            Valid.Replace("\"id\": \"analytics\",", "\"id\": \"analytics\", \"parentId\": \"europe\",", StringComparison.Ordinal),
            16,
            "territory 'analytics' has unknown parent 'europe'"
        },
        {
            "cycle",
            Valid.Replace("{ \"id\": \"global\", \"name\": \"Global\" }", "{ \"id\": \"global\", \"parentId\": \"dach-enterprise\" }", StringComparison.Ordinal),
            6,
            "cycle in the territory hierarchy: global → dach-enterprise → emea → global"
        },
        {
            "self parent",
            Valid.Replace("\"id\": \"analytics\",", "\"id\": \"analytics\", \"parentId\": \"analytics\",", StringComparison.Ordinal),
            16,
            "cycle in the territory hierarchy: analytics → analytics"
        },
        {
            "duplicate id",
            Valid.Replace("\"id\": \"analytics\"", "\"id\": \"emea\"", StringComparison.Ordinal),
            16,
            "duplicate territory id 'emea' (first defined on line 7)"
        },
        {
            "band min greater than max",
            Valid.Replace("{ \"min\": 1000 }", "{ \"min\": 1000, \"max\": 199 }", StringComparison.Ordinal),
            13,
            "'employees' band has min 1000 greater than max 199"
        },
        {
            "empty band",
            Valid.Replace("{ \"min\": 1000 }", "{ }", StringComparison.Ordinal),
            13,
            "'employees' needs at least one of: max, min"
        },
        {
            "unknown property",
            Valid.Replace("\"members\":", "\"reps\":", StringComparison.Ordinal),
            11,
            "unknown property 'reps' in a territory"
        },
        {
            "unknown rule property",
            Valid.Replace("\"industries\"", "\"sector\"", StringComparison.Ordinal),
            16,
            "unknown property 'sector' in a rule"
        },
        {
            "wrong value type",
            Valid.Replace("\"priority\": 100", "\"priority\": \"high\"", StringComparison.Ordinal),
            13,
            "priority must be an integer, not 'high'"
        },
        {
            "not an ISO country",
            Valid.Replace("\"AT\"", "\"Austria\"", StringComparison.Ordinal),
            13,
            "'Austria' does not match ^[A-Za-z]{2}$: an ISO 3166-1 alpha-2 code"
        },
        {
            "leaf without rules",
            Valid.Replace("\"kind\": \"overlay\", \"rules\": [{ \"priority\": 500, \"industries\": [\"Analytics\"] }]", "\"kind\": \"overlay\"", StringComparison.Ordinal),
            16,
            "territory 'analytics' has no rules and no child territories"
        },
        {
            "overlay under a primary with rules",
            Valid.Replace("\"kind\": \"overlay\",", "\"kind\": \"overlay\", \"parentId\": \"dach-enterprise\",", StringComparison.Ordinal),
            16,
            "overlay 'analytics' has the primary territory 'dach-enterprise' as its parent"
        },
        {
            "effective date not UTC",
            Valid.Replace("2026-01-01T00:00:00Z", "2026-01-01T00:00:00+01:00", StringComparison.Ordinal),
            4,
            "must be in UTC"
        },
        {
            "unknown kind",
            Valid.Replace("\"kind\": \"overlay\"", "\"kind\": \"overlay2\"", StringComparison.Ordinal),
            16,
            "unknown territory kind 'overlay2'; expected one of: overlay, primary"
        },
        {
            "empty list",
            Valid.Replace("[\"Analytics\"]", "[]", StringComparison.Ordinal),
            16,
            "'industries' is empty"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Parse_WhenBroken_ReportsTheErrorAtItsLine(string name, string json, int line, string message)
    {
        var result = TerritoryModelFile.Parse(json, "territories.json");

        Assert.False(result.Succeeded, name);
        Assert.Null(result.Model);
        var error = Assert.Single(result.Errors);
        Assert.Equal("territories.json", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenSeveralProblems_ReportsEveryOneWithItsLine()
    {
        var json = Valid
            .Replace("\"parentId\": \"emea\"", "\"parentId\": \"europe\"", StringComparison.Ordinal)
            .Replace("\"id\": \"analytics\"", "\"id\": \"emea\"", StringComparison.Ordinal);

        var errors = TerritoryModelFile.Parse(json, "t.json").Errors;

        // emea lost its only child to the typo, so it is reported too.
        Assert.Equal(
            [
                "t.json:10: territory 'dach-enterprise' has unknown parent 'europe'",
                "t.json:16: duplicate territory id 'emea' (first defined on line 7)",
                "t.json:7: territory 'emea' has no rules and no child territories, so no account can ever be assigned to it",
            ],
            errors.Select(error => error.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_WhenMissingRequiredPriority_FailsWithALine()
    {
        var result = TerritoryModelFile.Parse(Valid.Replace("\"priority\": 500, ", "", StringComparison.Ordinal), "t.json");

        var error = Assert.Single(result.Errors);
        Assert.Contains("priority", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line is >= 16 and <= 18, error.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Parse_WhenNotAModelObject_Fails(string json) =>
        Assert.False(TerritoryModelFile.Parse(json, "t.json").Succeeded);

    [Fact]
    public void Load_WhenFileIsMissing_ReportsItInsteadOfThrowing()
    {
        var result = TerritoryModelFile.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"));

        Assert.False(result.Succeeded);
        Assert.Contains("cannot read", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs/territories.example.json")]
    [InlineData("tools/SalesFunctions.Simulator/Demo/territories.json")]
    public void Load_WhenPublishedExample_IsValid(string relativePath)
    {
        var result = TerritoryModelFile.Load(Path.Combine(Fixtures.RepositoryRoot, relativePath));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Compile_WhenModelBuiltInCodeIsInvalid_Throws() =>
        Assert.Throws<ArgumentException>(() => Compile(Primary("a", new TerritoryRule { Priority = 1 }, "missing")));
}
