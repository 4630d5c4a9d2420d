using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Cli;

/// <summary>
/// `salesfn territories explain model.json accounts.csv [account-id...]`: for each account (all, when none is named),
/// the territories the model assigns and every rule that matched, with its reasons: the same answer as the API's
/// territory explain, offline, so that a model change can be reviewed before it is uploaded.
/// </summary>
public static class ExplainCommand
{
    public static int Run(string modelPath, string accountsPath, IReadOnlyList<string> accountIds, TextWriter output)
    {
        var model = TerritoryModelFile.Parse(File.ReadAllText(modelPath), modelPath);
        var accounts = DirectoryCsv.ParseAccounts(File.ReadAllText(accountsPath));
        foreach (var error in model.Errors.Select(e => e.ToString()).Concat(accounts.Errors.Select(e => $"{accountsPath}:{e.Line}: {e.Message}")))
        {
            output.WriteLine(error);
        }

        if (!model.Succeeded || accounts.Errors.Count > 0)
        {
            return 1;
        }

        var byId = accounts.Items.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var unknown = accountIds.Where(id => !byId.ContainsKey(id)).ToList();
        unknown.ForEach(id => output.WriteLine($"{accountsPath}:0: no account '{id}'"));
        foreach (var account in accountIds.Count == 0 ? accounts.Items : accountIds.Where(byId.ContainsKey).Select(id => byId[id]))
        {
            var explanation = model.Model.Explain(account);
            var overlays = explanation.Assignment.OverlayIds.Count == 0 ? "none" : string.Join(", ", explanation.Assignment.OverlayIds);
            output.WriteLine($"{account.Id}: primary {explanation.Assignment.PrimaryId ?? "none"}; overlays {overlays}; {explanation.TieBreak}");
            foreach (var rule in explanation.Rules.Where(r => r.Matched))
            {
                output.WriteLine("  " + rule.Describe());
            }
        }

        return unknown.Count == 0 ? 0 : 1;
    }
}
