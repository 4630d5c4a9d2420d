using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Storage;
using Spectre.Console;

namespace SalesFunctions.Cli;

/// <summary>
/// Recomputes a tenant's stored KPI cells from its stored facts, with a progress bar on a terminal and plain progress
/// lines otherwise (a redrawn bar is unreadable in a log file), then prints the cells written and the time taken.
/// </summary>
internal static class KpiRecomputeCommand
{
    /// <param name="from">The first day; null for the tenant's whole history.</param>
    /// <param name="to">The last day; null for the tenant's local today.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string tenantId, DateOnly? from, DateOnly? to, TextWriter output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        var directory = await services.GetRequiredService<ITenantDirectoryStore>().GetAsync(tenantId, cancellationToken);
        if (directory is null)
        {
            // The wording the queues use for the same condition.
            await output.WriteLineAsync(new TenantNotConfiguredException(tenantId).Message);
            return 2;
        }

        var lastDay = to ?? directory.LocalDay(services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (from > lastDay)
        {
            await output.WriteLineAsync(Invariant($"--from {from:yyyy-MM-dd} is after the tenant's local today, {lastDay:yyyy-MM-dd}; pass --to."));
            return 2;
        }

        var rollup = services.GetRequiredService<KpiRollupService>();
        Task<int> RecomputeAsync(IProgress<RecomputeProgress> progress) => from is { } first
            ? rollup.RecomputeAsync(directory, [(first, lastDay)], progress, cancellationToken)
            : rollup.RecomputeAllAsync(directory, lastDay, progress, cancellationToken);

        await output.WriteLineAsync(from is { } start
            ? Invariant($"Recomputing the KPIs of {tenantId} from {start:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}")
            : Invariant($"Recomputing the KPIs of {tenantId} from its first stored fact to {lastDay:yyyy-MM-dd}"));
        var clock = Stopwatch.StartNew();
        var cells = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
            ? await WithProgressBarAsync(RecomputeAsync)
            : await RecomputeAsync(new Reporter(p => output.WriteLine(Invariant(
                $"days read {p.DaysRead}/{p.DaysTotal}, periods computed {p.PeriodsDone}/{p.PeriodsTotal}, cells written {p.CellsWritten}"))));
        await output.WriteLineAsync(Invariant($"{cells} cells written in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static Task<int> WithProgressBarAsync(Func<IProgress<RecomputeProgress>, Task<int>> recompute) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var read = context.AddTask("Days of activities read");
                var computed = context.AddTask("Periods computed");
                return await recompute(new Reporter(p =>
                {
                    read.MaxValue = Math.Max(p.DaysTotal, 1);
                    read.Value = p.DaysRead;
                    computed.MaxValue = Math.Max(p.PeriodsTotal, 1);
                    computed.Value = p.PeriodsDone;
                    computed.Description = Invariant($"Periods computed ({p.CellsWritten:N0} cells written)");
                }));
            });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reports on the caller's thread: <see cref="Progress{T}"/> would post each report to the thread pool, where a
    /// late one could move the bar backwards or print after the summary.
    /// </summary>
    private sealed class Reporter(Action<RecomputeProgress> report) : IProgress<RecomputeProgress>
    {
        public void Report(RecomputeProgress value) => report(value);
    }
}
