using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesFunctions.Cli;
using SalesFunctions.Cli.Backfill;
using SalesFunctions.Core;
using SalesFunctions.Storage;

// salesfn backfill --tenant <id> [--storage <connection string>] [--prefix <p>] <path>...
// salesfn kpis recompute --tenant <id> [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--storage <connection string>] [--prefix <p>]
//   (rebuilds the stored KPI cells from the stored facts: the whole history without --from; --to defaults to the tenant's today)
// salesfn territories validate <model.json>...   (offline: no storage, exit 1 when a file has errors)
// salesfn territories explain <model.json> <accounts.csv> [account-id...]  (offline: which rules match each account, and why)
// salesfn qualification validate <config.json>... (the same for qualification configurations)
// Storage comes from --storage or the same settings as the hosts (Storage__ConnectionString, or service URIs).
if (args is ["territories", "validate", .. var files] && files.Length > 0)
{
    return ValidateCommand.Run(files, ValidateCommand.Territories, Console.Out);
}

if (args is ["territories", "explain", var model, var accounts, .. var accountIds])
{
    return ExplainCommand.Run(model, accounts, accountIds, Console.Out);
}

if (args is ["qualification", "validate", .. var configs] && configs.Length > 0)
{
    return ValidateCommand.Run(configs, ValidateCommand.Qualification, Console.Out);
}

if (CommandLine.Parse(args) is not { } command)
{
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

// Our own arguments are parsed above; the builder gets none, so that export paths are never read as settings.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Configuration.AddInMemoryCollection(command.Settings);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSalesFunctionsCore().AddSalesFunctionsStorage(builder.Configuration).AddSingleton<BackfillService>();
using var host = builder.Build();
return command.Command == CommandLine.KpisRecompute
    ? await KpiRecomputeCommand.RunAsync(host.Services, command, Console.Out, CancellationToken.None)
    : await BackfillCommand.RunAsync(host.Services, command, CancellationToken.None);
