using System.Globalization;

namespace SalesFunctions.Cli;

/// <summary>The parsed command line: deliberately small, so that no argument parsing package is needed.</summary>
/// <param name="Command"><see cref="Backfill"/> or <see cref="KpisRecompute"/>.</param>
internal sealed record CommandLine(string Command, string TenantId, IReadOnlyList<string> Paths, Dictionary<string, string?> Settings)
{
    public const string Backfill = "backfill";
    public const string KpisRecompute = "kpis recompute";

    public const string Usage = """
        usage: salesfn backfill --tenant <tenant id> [--dedupe-copies] [--storage <connection string>] [--prefix <name prefix>] <export path>...
          An export path is an mbox file, a message file (.eml or any name), or a folder of them or of maildir trees (cur/, new/).
          --dedupe-copies counts once the copies of one message that an export holds under different Message-IDs
          (same sender, date, subject and recipients); off by default.
          Storage defaults to the hosts' settings: Storage__ConnectionString, or Storage__*ServiceUri with a managed identity.
               salesfn kpis recompute --tenant <tenant id> [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--storage <connection string>] [--prefix <name prefix>]
          Recomputes and replaces the stored KPI cells (every grain and dimension) from the stored activities and CRM records:
          without --from the tenant's whole history, from its first stored fact however old (1970-01-01 at the earliest);
          --to defaults to the tenant's local today.
               salesfn territories validate <model.json>...
               salesfn qualification validate <config.json>...
          Check territory models or qualification configurations as the admin API would before storing them;
          errors as file:line: message, exit 1.
               salesfn territories explain <model.json> <accounts.csv> [account id...]
          For each account of an accounts CSV (as PUT .../directory/accounts takes it), the territories the model assigns
          and every rule that matched, with its reasons.
        """;

    /// <summary>backfill: count copies of one message under different Message-IDs once (sender, date, subject, recipients).</summary>
    public bool DedupeCopies { get; init; }

    /// <summary>kpis recompute: the first day to recompute; null for the tenant's whole history.</summary>
    public DateOnly? From { get; init; }

    /// <summary>kpis recompute: the last day; null for the tenant's local today.</summary>
    public DateOnly? To { get; init; }

    public static CommandLine? Parse(IReadOnlyList<string> args)
    {
        var (command, first) = args switch
        {
            [Backfill, ..] => (Backfill, 1),
            ["kpis", "recompute", ..] => (KpisRecompute, 2),
            _ => (null, 0),
        };
        if (command is null)
        {
            return null;
        }

        string? tenant = null;
        DateOnly? from = null, to = null;
        var dedupeCopies = false;
        var paths = new List<string>();
        var settings = new Dictionary<string, string?>();
        for (var i = first; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--tenant" when i + 1 < args.Count:
                    tenant = args[++i];
                    break;
                case "--storage" when i + 1 < args.Count:
                    settings["Storage:ConnectionString"] = args[++i];
                    break;
                case "--dedupe-copies" when command == Backfill:
                    dedupeCopies = true;
                    break;
                case "--prefix" when i + 1 < args.Count:
                    settings["Storage:Prefix"] = args[++i];
                    break;
                case "--from" or "--to" when command == KpisRecompute && i + 1 < args.Count:
                    if (Day(args[i + 1]) is not { } day)
                    {
                        return null;
                    }

                    if (args[i] == "--from")
                    {
                        from = day;
                    }
                    else
                    {
                        to = day;
                    }

                    i++;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return null;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        // A backfill needs something to read; a recompute reads storage only, so a stray word is a typo.
        var valid = tenant is not null
            && (command == Backfill ? paths.Count > 0 : paths.Count == 0 && !(from > to));
        return valid ? new CommandLine(command, tenant!, paths, settings) { From = from, To = to, DedupeCopies = dedupeCopies } : null;
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
