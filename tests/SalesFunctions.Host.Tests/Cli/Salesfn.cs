using System.Diagnostics;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Cli;

/// <summary>The built salesfn, run as a real process, so that argument parsing, exit codes and output are the shipped ones.</summary>
internal static class Salesfn
{
    /// <summary>
    /// Runs salesfn against the test host's storage (same account, same name prefix), or with the arguments alone when
    /// there is no host (usage errors, offline commands). Output is redirected, as in a CI log.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(HostUnderTest? host, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "salesfn.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (host is not null)
        {
            start.ArgumentList.Add("--prefix");
            start.ArgumentList.Add(host.Prefix);
        }

        start.Environment["Storage__ConnectionString"] = AzuriteStorage.ConnectionString;
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
