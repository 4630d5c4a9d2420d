using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Cli.Backfill;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Storage;
using Spectre.Console;

namespace SalesFunctions.Cli;

/// <summary>
/// Runs a backfill with a progress bar and prints its summary; exit code 1 when any file could not be read or a path
/// held no message.
/// </summary>
internal static class BackfillCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string tenantId, IReadOnlyList<string> paths, bool dedupeCopies, CancellationToken cancellationToken)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file or folder:[/] {string.Join(", ", missing)}");
            return 2;
        }

        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        BackfillSummary summary;
        try
        {
            summary = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var read = context.AddTask("Reading headers");
                    var queue = context.AddTask("Queueing for scoring");
                    return await services.GetRequiredService<BackfillService>().RunAsync(tenantId, paths, dedupeCopies, (stage, done, total) =>
                    {
                        var task = stage == "read" ? read : queue;
                        task.MaxValue = Math.Max(total, 1);
                        task.Value = done;
                    }, cancellationToken);
                });
        }
        catch (TenantNotConfiguredException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Tenant {tenantId} has no directory; import it first (PUT /api/admin/tenants/{{tenantId}}/directory).[/]");
            return 2;
        }

        Print(summary);
        return summary.Unreadable.Count == 0 && summary.PathsWithoutMessages.Count == 0 ? 0 : 1;
    }

    private static void Print(BackfillSummary summary)
    {
        var table = new Table().AddColumns("", "count");
        table.AddRow("files", $"{summary.Files}");
        table.AddRow("files that were not messages", $"{summary.NotMessages.Count}");
        table.AddRow("messages read", $"{summary.Messages}");
        table.AddRow("duplicates within the export", $"{summary.DuplicatesInExport}");
        table.AddRow("copies under another Message-ID", summary.CopiesUnderOtherIds is { } copies ? $"{copies} (counted once)" : "not checked (--dedupe-copies)");
        table.AddRow("without a Message-ID (skipped)", $"{summary.WithoutMessageId}");
        table.AddRow("addresses that could not be read (left out)", $"{summary.UnreadableAddresses}");
        table.AddRow("threads joined without In-Reply-To", $"{summary.JoinedWithoutHeaders}");
        table.AddRow("queued for scoring", $"{summary.Queued}");
        table.AddRow("[green]  new[/]", $"{summary.New}");
        table.AddRow("  already stored (unchanged ones change nothing)", $"{summary.AlreadyStored}");
        foreach (var (outcome, count) in summary.Excluded.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal))
        {
            table.AddRow($"excluded: {outcome}", $"{count}");
        }

        table.AddRow("unreadable files", $"{summary.Unreadable.Count}");
        AnsiConsole.Write(table);
        foreach (var source in summary.Unreadable.Take(20))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]unreadable:[/] {source}");
        }

        foreach (var file in summary.NotMessages.Take(20))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]not a message:[/] {file}");
        }

        foreach (var path in summary.PathsWithoutMessages)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]warning:[/] {path} holds no message");
        }

        AnsiConsole.MarkupLine(summary.New == 0
            ? "Nothing new: every queued activity was stored before, and the score step changes only those whose content differs."
            : "The Host's score step stores the queued activities; the next rollup updates the KPIs. Importing again changes nothing.");
    }
}
