using SalesFunctions.Core.Territories;

namespace SalesFunctions.Cli;

/// <summary>
/// `salesfn territories validate`: the same parse and validation the admin API applies before it stores a version,
/// run on files before they are uploaded (in CI, say). Errors print as file:line: message, as compilers do.
/// </summary>
public static class TerritoryValidateCommand
{
    public static int Run(IReadOnlyList<string> files, TextWriter output)
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

            var result = TerritoryModelFile.Load(file);
            if (result.Succeeded)
            {
                var territories = result.Model.Model.Territories;
                output.WriteLine($"{file}: OK: {territories.Count} territories, {territories.Sum(t => t.Rules.Count)} rules, in force from {result.Model.EffectiveFrom:O}");
                continue;
            }

            failed++;
            foreach (var error in result.Errors)
            {
                output.WriteLine(error.ToString());
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
