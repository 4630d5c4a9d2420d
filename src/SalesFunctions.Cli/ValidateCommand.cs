using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Cli;

/// <summary>
/// `salesfn territories validate` and `salesfn qualification validate`: the same parse and validation the admin API
/// applies before it stores a file, run before uploading (in CI, say). Errors print as file:line: message, as
/// compilers do; the exit code is 1 when any file has one.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Reads one file's text and returns a one-line summary when valid, or its errors as "file:line: message".</summary>
    public delegate (string? Summary, IReadOnlyList<string> Errors) Validator(string path, string json);

    public static Validator Territories { get; } = (path, json) =>
    {
        var result = TerritoryModelFile.Parse(json, path);
        return result.Succeeded
            ? ($"{result.Model.Model.Territories.Count} territories, {result.Model.Model.Territories.Sum(t => t.Rules.Count)} rules, in force from {result.Model.EffectiveFrom:O}", [])
            : (null, [.. result.Errors.Select(e => e.ToString())]);
    };

    public static Validator Qualification { get; } = (path, json) =>
    {
        var result = QualificationConfigFile.Parse(json, path);
        return result.Succeeded
            ? ($"{result.Config.Frameworks.Count} frameworks; pipelines {string.Join(", ", result.Config.Pipelines.Select(p => $"{p.Key}: {string.Join("+", p.Value)}"))}; qualified at {result.Config.Threshold}", [])
            : (null, [.. result.Errors.Select(e => e.ToString())]);
    };

    public static int Run(IReadOnlyList<string> files, Validator validate, TextWriter output)
    {
        var failed = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                output.WriteLine($"{file}:0: file not found");
                failed++;
                continue;
            }

            var (summary, errors) = validate(file, File.ReadAllText(file));
            if (summary is not null)
            {
                output.WriteLine($"{file}: OK: {summary}");
                continue;
            }

            failed++;
            foreach (var error in errors)
            {
                output.WriteLine(error);
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
