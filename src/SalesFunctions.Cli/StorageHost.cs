using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesFunctions.Cli.Backfill;
using SalesFunctions.Core;
using SalesFunctions.Storage;

namespace SalesFunctions.Cli;

/// <summary>
/// The services of the commands that work on a deployment's storage: the same Core and Storage registrations as the
/// hosts, with storage from --storage and --prefix over the hosts' settings (Storage__ConnectionString, or service URIs).
/// </summary>
internal static class StorageHost
{
    public static IHost Build(string? connectionString, string? prefix)
    {
        // The command line is parsed by the command tree; the builder gets none of it, so that export paths are never
        // read as settings.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        var settings = new Dictionary<string, string?>();
        if (connectionString is not null)
        {
            settings["Storage:ConnectionString"] = connectionString;
        }

        if (prefix is not null)
        {
            settings["Storage:Prefix"] = prefix;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSalesFunctionsCore().AddSalesFunctionsStorage(builder.Configuration).AddSingleton<BackfillService>();
        return builder.Build();
    }
}
