using SalesFunctions.Cli;
using SalesFunctions.Simulator.Demo;

namespace SalesFunctions.Host.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("territories-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_WhenOneFileIsValidAndOneIsNot_PrintsFileAndLineOfEachErrorAndExits1()
    {
        var good = Write("good.json", DemoDriver.TerritoryModel);
        var bad = Write("bad.json", """
            {
              "effectiveFrom": "2026-01-01T00:00:00Z",
              "territories": [
                { "id": "a", "rules": [{ "priority": 1, "employees": { "min": 500, "max": 10 } }] },
                { "id": "b", "parentId": "zz", "rules": [{ "priority": 1 }] }
              ]
            }
            """);
        using var output = new StringWriter();

        var exit = ValidateCommand.Run([good, bad, Path.Combine(_folder, "missing.json")], ValidateCommand.Territories, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, exit);
        Assert.StartsWith($"{good}: OK: 15 territories", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith($"{bad}:4: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{bad}:5: ", StringComparison.Ordinal) && l.Contains("zz", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("missing.json:0: file not found", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WhenAQualificationConfigNamesAnUnknownFramework_PrintsItsLine()
    {
        var config = Write("qualification.json", """
            {
              "pipelines": {
                "default": ["BANT", "SPIN"]
              }
            }
            """);
        using var output = new StringWriter();

        var exit = ValidateCommand.Run([config], ValidateCommand.Qualification, output);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{config}:3: ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenEveryFileIsValid_Exits0()
    {
        using var output = new StringWriter();

        Assert.Equal(0, ValidateCommand.Run([Write("demo.json", DemoDriver.TerritoryModel)], ValidateCommand.Territories, output));
    }

    [Fact]
    public void Explain_WhenGivenTheDemoModelAndAccountsCsv_PrintsEachAccountsTerritoriesAndMatchedRules()
    {
        var model = Write("model.json", """
            {
              "effectiveFrom": "2026-01-01T00:00:00Z",
              "territories": [
                { "id": "global" },
                { "id": "dach", "parentId": "global", "rules": [{ "priority": 100, "countries": ["DE", "AT", "CH"] }] },
                { "id": "dach-enterprise", "parentId": "global", "rules": [{ "priority": 100, "countries": ["DE"], "employees": { "min": 1000 } }] }
              ]
            }
            """);
        var accounts = Write("accounts.csv", "id,name,domains,country,employees\nacc-1,Northwind,northwind.example,DE,5000\nacc-2,Globex,globex.example,FR,10\n");
        using var output = new StringWriter();

        var exit = ExplainCommand.Run(model, accounts, ["acc-1", "acc-2", "acc-404"], output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("acc-1: primary dach-enterprise;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("dach rule 0 (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("acc-2: primary none;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("no account 'acc-404'", StringComparison.Ordinal));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
