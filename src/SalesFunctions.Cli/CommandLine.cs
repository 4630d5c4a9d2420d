namespace SalesFunctions.Cli;

/// <summary>The parsed command line: deliberately small, so that no argument parsing package is needed.</summary>
internal sealed record CommandLine(string Command, string TenantId, IReadOnlyList<string> Paths, Dictionary<string, string?> Settings)
{
    public const string Usage = """
        usage: salesfn backfill --tenant <tenant id> [--storage <connection string>] [--prefix <name prefix>] <export path>...
          An export path is an mbox file, an .eml file, or a folder of them or of maildir trees (cur/, new/).
          Storage defaults to the hosts' settings: Storage__ConnectionString, or Storage__*ServiceUri with a managed identity.
               salesfn territories validate <model.json>...
               salesfn qualification validate <config.json>...
          Check territory models or qualification configurations as the admin API would before storing them;
          errors as file:line: message, exit 1.
               salesfn territories explain <model.json> <accounts.csv> [account id...]
          For each account of an accounts CSV (as PUT .../directory/accounts takes it), the territories the model assigns
          and every rule that matched, with its reasons.
        """;

    public static CommandLine? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "backfill")
        {
            return null;
        }

        string? tenant = null;
        var paths = new List<string>();
        var settings = new Dictionary<string, string?>();
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--tenant" when i + 1 < args.Count:
                    tenant = args[++i];
                    break;
                case "--storage" when i + 1 < args.Count:
                    settings["Storage:ConnectionString"] = args[++i];
                    break;
                case "--prefix" when i + 1 < args.Count:
                    settings["Storage:Prefix"] = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return null;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        return tenant is null || paths.Count == 0 ? null : new CommandLine(args[0], tenant, paths, settings);
    }
}
