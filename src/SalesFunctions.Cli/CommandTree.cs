using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SalesFunctions.Cli;

/// <summary>
/// Every salesfn command, option and argument in one tree: System.CommandLine parses it, reports unknown or missing
/// ones, and generates the help (`salesfn --help`, `salesfn kpis recompute --help`) and shell completion from it.
/// </summary>
internal static class CommandTree
{
    public static RootCommand Build()
    {
        var root = new RootCommand("salesfn: operator commands next to a SalesFunctions deployment. Exit codes: 0 done, 1 a file or an import had errors, 2 a usage error.")
        {
            Backfill(),
            new Command("kpis", "The stored KPI cells.") { KpisRecompute() },
            new Command("territories", "Territory model files, offline.")
            {
                Validate("Check territory models as PUT .../territories would before storing them; errors as file:line: message.", "model.json", ValidateCommand.Territories),
                TerritoriesExplain(),
            },
            new Command("qualification", "Qualification configuration files, offline.")
            {
                Validate("Check qualification configurations as PUT .../qualification would before storing them; errors as file:line: message.", "config.json", ValidateCommand.Qualification),
            },
        };
        return root;
    }

    private static Command Backfill()
    {
        var tenant = TenantOption();
        var dedupeCopies = new Option<bool>("--dedupe-copies")
        {
            Description = "Count once the copies of one message that an export holds under different Message-IDs (same sender, date, subject and recipients); off by default.",
        };
        var (storage, prefix) = StorageOptions();
        var paths = NoOptions(new Argument<string[]>("export path")
        {
            Description = "An mbox file, a message file (.eml or any name), or a folder of them or of maildir trees (cur/, new/).",
            Arity = ArgumentArity.OneOrMore,
        });
        var command = new Command("backfill", "Import mailbox exports into the pipeline: headers only, through the same normaliser, privacy policy and dedupe as Graph capture.")
        {
            tenant, dedupeCopies, storage, prefix, paths,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = StorageHost.Build(parsed.GetValue(storage), parsed.GetValue(prefix));
            return await BackfillCommand.RunAsync(host.Services, parsed.GetRequiredValue(tenant), parsed.GetRequiredValue(paths), parsed.GetValue(dedupeCopies), cancellationToken);
        });
        return command;
    }

    private static Command KpisRecompute()
    {
        var tenant = TenantOption();
        var from = DayOption("--from", "The first day to recompute; without it the tenant's whole history, from its first stored fact (1970-01-01 at the earliest).");
        var to = DayOption("--to", "The last day to recompute; the tenant's local today when left out.");
        var (storage, prefix) = StorageOptions();
        var command = new Command("recompute", "Recompute and replace the stored KPI cells (every grain and dimension) from the stored activities and CRM records.")
        {
            tenant, from, to, storage, prefix,
        };
        command.Validators.Add(result =>
        {
            if (GivenDay(result, from) is { } first && GivenDay(result, to) is { } last && first > last)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}."));
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = StorageHost.Build(parsed.GetValue(storage), parsed.GetValue(prefix));
            return await KpiRecomputeCommand.RunAsync(host.Services, parsed.GetRequiredValue(tenant), parsed.GetValue(from), parsed.GetValue(to), Console.Out, cancellationToken);
        });
        return command;
    }

    private static Command Validate(string description, string fileName, ValidateCommand.Validator validator)
    {
        var files = NoOptions(new Argument<string[]>(fileName) { Arity = ArgumentArity.OneOrMore });
        var command = new Command("validate", description) { files };
        command.SetAction(parsed => ValidateCommand.Run(parsed.GetRequiredValue(files), validator, Console.Out));
        return command;
    }

    private static Command TerritoriesExplain()
    {
        var model = NoOptions(new Argument<string>("model.json"));
        var accounts = NoOptions(new Argument<string>("accounts.csv") { Description = "Accounts as PUT .../directory/accounts takes them." });
        var accountIds = NoOptions(new Argument<string[]>("account id") { Description = "The accounts to explain; all when none is named.", Arity = ArgumentArity.ZeroOrMore });
        var command = new Command("explain", "For each account, the territories the model assigns and every rule that matched, with its reasons.")
        {
            model, accounts, accountIds,
        };
        command.SetAction(parsed => ExplainCommand.Run(parsed.GetRequiredValue(model), parsed.GetRequiredValue(accounts), parsed.GetValue(accountIds) ?? [], Console.Out));
        return command;
    }

    private static Option<string> TenantOption() => new("--tenant") { Description = "The tenant id.", Required = true, HelpName = "tenant id" };

    /// <summary>Where the deployment's storage is, over the hosts' settings (Storage__ConnectionString, or Storage__*ServiceUri with a managed identity).</summary>
    private static (Option<string> Storage, Option<string> Prefix) StorageOptions() =>
        (new("--storage") { Description = "The storage connection string; the hosts' settings when left out.", HelpName = "connection string" },
         new("--prefix") { Description = "The storage name prefix of the deployment.", HelpName = "name prefix" });

    /// <summary>A day as yyyy-MM-dd exactly, whatever the machine's culture.</summary>
    private static Option<DateOnly?> DayOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Day(text) is { } day)
            {
                return day;
            }

            result.AddError($"{name} takes a day as yyyy-MM-dd, not '{text}'.");
            return null;
        },
    };

    /// <summary>
    /// The day an option was given, or null when it was not or does not parse: a command's validator runs even when an
    /// option's value failed, and reading a failed value throws.
    /// </summary>
    private static DateOnly? GivenDay(CommandResult result, Option<DateOnly?> option) =>
        result.GetResult(option)?.Tokens is [var token] ? Day(token.Value) : null;

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// Paths and ids, never options: System.CommandLine gives an argument that takes many values every word it does not
    /// know, so a mistyped option would be read as a file.
    /// </summary>
    private static Argument<T> NoOptions<T>(Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return argument;
    }
}
