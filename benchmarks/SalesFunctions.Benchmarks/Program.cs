using System.Globalization;
using SalesFunctions.Benchmarks;
using Spectre.Console;

// Throughput benchmarks, each reported next to a baseline measured in the same run. Usage:
//   delta-backfill [--emails 100000] [--baseline-messages 5000] [--timeout-minutes 120]
//     end to end against Azurite; scripts/bench.sh starts it and passes its connection string
//   kpis [--activities 1000000] [--deals 50000] [--cases 20000]
//     in process: the full KPI catalogue over every dimension and grain, ours against DuckDB SQL over the same data
//   kpi-rollup [--activities 1000000] [--deals 50000] [--cases 20000]
//     against Azurite: the same data loaded into storage, then the rollup's full recompute from the stored facts, against
//     a plain query reading the same activity rows; scripts/bench.sh starts Azurite and passes its connection string
//   freshness [--items 120] [--interval-ms 1000]
//     against Azurite: notification to KPI latency of stamped emails under the default production rollup settings
//   baseline [--baseline-seconds 3]
//     against Azurite: the concurrent baseline alone, calls per second of each storage operation at 1, 4, 16, 64 in flight
//   ingress [--seconds 30] [--no-backlog]
//     against Azurite: Graph notification batches and CRM webhooks at the highest steady rate whose ack p99 stays under
//     100 ms while the pipeline works through a backlog, against Azurite's raw enqueue rate in the same run
//   fuzz [--requests-per-route 10000] [--seed 26] [--route Name --index i] [--check-every 50]
//     hostile requests to every HTTP route of a real Host on Azurite (scripts/fuzz.sh); the seed reproduces any one
//   territories [--accounts 100000] [--territories 1000] [--rulesengine-accounts N] [--rulesengine-minutes 5]
//     in process: the compiled territory engine against the same rules in Microsoft RulesEngine
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int IntOption(string name, int fallback) => int.Parse(Option(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
const string Usage = "usage: salesfunctions-bench kpis [--activities N] [--deals N] [--cases N]\n"
    + "       salesfunctions-bench territories [--accounts N] [--territories N] [--rulesengine-accounts N] [--rulesengine-minutes N]\n"
    + "       SALESFUNCTIONS_BENCH_STORAGE=<connection string> salesfunctions-bench delta-backfill [--emails N] [--baseline-messages N] [--timeout-minutes N]\n"
    + "       SALESFUNCTIONS_BENCH_STORAGE=<connection string> salesfunctions-bench kpi-rollup [--activities N] [--deals N] [--cases N]\n"
    + "       SALESFUNCTIONS_BENCH_STORAGE=<connection string> salesfunctions-bench freshness [--items N] [--interval-ms N]\n"
    + "       SALESFUNCTIONS_BENCH_STORAGE=<connection string> salesfunctions-bench baseline [--baseline-seconds N]\n"
    + "       SALESFUNCTIONS_BENCH_STORAGE=<connection string> salesfunctions-bench ingress [--seconds N]\n"
    + "       SALESFUNCTIONS_BENCH_STORAGE=<connection string> salesfunctions-bench fuzz [--requests-per-route N] [--seed S] [--route Name --index i] [--check-every N]";

if (args.FirstOrDefault() == "kpis")
{
    var kpiResult = KpiBenchmark.Run(IntOption("--activities", 1_000_000), IntOption("--deals", 50_000), IntOption("--cases", 20_000), Console.WriteLine);
    var kpiTable = new Table().Title("KPI catalogue for a year, every dimension and grain: ours vs DuckDB SQL (same data, same run, fastest of 3)")
        .AddColumns("Measure", "Value");
    kpiTable.AddRow("activities / deals / cases", $"{kpiResult.Activities:N0} / {kpiResult.Deals:N0} / {kpiResult.Cases:N0}");
    kpiTable.AddRow("cells computed (ours, full catalogue)", kpiResult.Cells.ToString("N0", CultureInfo.InvariantCulture));
    kpiTable.AddRow($"cells compared ({DuckDbKpis.Compared.Length} KPIs with SQL)", kpiResult.ComparedCells.ToString("N0", CultureInfo.InvariantCulture));
    kpiTable.AddRow("ours: seconds / activities per second", $"{kpiResult.Ours.TotalSeconds:F2} / {kpiResult.OursPerSecond:N0}");
    kpiTable.AddRow("DuckDB: seconds / activities per second", $"{kpiResult.DuckDb.TotalSeconds:F2} / {kpiResult.DuckDbPerSecond:N0}");
    kpiTable.AddRow("ratio ours : DuckDB (speed)", $"{kpiResult.Ratio:F2}x");
    kpiTable.AddRow("mismatches", kpiResult.Mismatches.ToString(CultureInfo.InvariantCulture));
    AnsiConsole.Write(kpiTable);
    kpiResult.Examples.ToList().ForEach(e => Console.WriteLine("  mismatch: " + e));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"kpis: ours {kpiResult.Ours.TotalSeconds:F2} s, DuckDB {kpiResult.DuckDb.TotalSeconds:F2} s, ratio {kpiResult.Ratio:F2}; {kpiResult.ComparedCells} cells compared, {kpiResult.Mismatches} mismatches"));
    return kpiResult.Mismatches == 0 ? 0 : 1;
}

if (args.FirstOrDefault() == "territories")
{
    var territoryResult = await TerritoryBenchmark.RunAsync(
        IntOption("--accounts", 100_000),
        IntOption("--territories", 1_000),
        Option("--rulesengine-accounts") is { } fixedSubset ? int.Parse(fixedSubset, CultureInfo.InvariantCulture) : null,
        TimeSpan.FromMinutes(IntOption("--rulesengine-minutes", 5)),
        Console.WriteLine);
    var subsetNote = territoryResult.RulesEngineAccounts < territoryResult.Accounts
        ? $" (a subset: the first {territoryResult.RulesEngineAccounts:N0} of {territoryResult.Accounts:N0})"
        : string.Empty;
    var territoryTable = new Table().Title("Territory assignment: compiled engine vs Microsoft RulesEngine (same rules, same tie-break, one thread)")
        .AddColumns("Measure", "Value");
    territoryTable.AddRow("territories / rules", $"{territoryResult.Territories:N0} / {territoryResult.Rules:N0}");
    territoryTable.AddRow("accounts (ours)", territoryResult.Accounts.ToString("N0", CultureInfo.InvariantCulture));
    territoryTable.AddRow("accounts with a primary / with an overlay", $"{territoryResult.AccountsWithPrimary:N0} / {territoryResult.AccountsWithOverlay:N0}");
    territoryTable.AddRow("accounts (RulesEngine)", Markup.Escape($"{territoryResult.RulesEngineAccounts:N0}{subsetNote}"));
    territoryTable.AddRow("ours: accounts per second", $"{territoryResult.OursPerSecond:N0}");
    territoryTable.AddRow("RulesEngine: accounts per second", $"{territoryResult.RulesEnginePerSecond:N0}");
    territoryTable.AddRow("ratio ours : RulesEngine", $"{territoryResult.Ratio:N1}x");
    territoryTable.AddRow("primary mismatches", territoryResult.PrimaryMismatches.ToString(CultureInfo.InvariantCulture));
    territoryTable.AddRow("overlay mismatches", territoryResult.OverlayMismatches.ToString(CultureInfo.InvariantCulture));
    AnsiConsole.Write(territoryTable);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"territories: ours {territoryResult.OursPerSecond:F0} accounts/s over {territoryResult.Accounts}; RulesEngine {territoryResult.RulesEnginePerSecond:F0} accounts/s over {territoryResult.RulesEngineAccounts}; ratio {territoryResult.Ratio:F1}; mismatches primary {territoryResult.PrimaryMismatches}, overlay {territoryResult.OverlayMismatches}"));
    return territoryResult.PrimaryMismatches == 0 && territoryResult.OverlayMismatches == 0 ? 0 : 1;
}

var storage = Environment.GetEnvironmentVariable("SALESFUNCTIONS_BENCH_STORAGE");

// The concurrent baseline (issue 27) of every end-to-end benchmark: each storage operation at 1, 4, 16, 64 in flight,
// the best of each curve, on the same Azurite in the same run; a path's ceiling is its own call mix at those rates.
var perPoint = TimeSpan.FromSeconds(IntOption("--baseline-seconds", 3));
Task<StorageBaseline> MeasureBaselineAsync() => StorageBaseline.MeasureAsync(storage!, perPoint, Console.WriteLine);
void PrintCalls(PathCalls path, double ceiling)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"storage calls: {path.Total:N0}, {path.PerItem:F2} per {path.Per}; Azurite could serve this mix at {ceiling:F0} {path.Per}s/s (concurrent baseline)"));
    path.Lines().ToList().ForEach(Console.WriteLine);
}

if (args.FirstOrDefault() == "baseline" && !string.IsNullOrWhiteSpace(storage))
{
    var alone = await MeasureBaselineAsync();
    Console.WriteLine("baseline (concurrent): " + string.Join("; ", alone.Curves.Keys.Select(o =>
        string.Create(CultureInfo.InvariantCulture, $"{o} {alone.Best(o):F0}/s"))));
    return 0;
}

if (args.FirstOrDefault() == "ingress" && !string.IsNullOrWhiteSpace(storage))
{
    return await IngressBenchmark.RunAsync(storage, TimeSpan.FromSeconds(IntOption("--seconds", 30)), perPoint, !args.Contains("--no-backlog"), Console.WriteLine);
}
if (args.FirstOrDefault() == "fuzz" && !string.IsNullOrWhiteSpace(storage))
{
    return await SalesFunctions.Benchmarks.Fuzz.FuzzBenchmark.RunAsync(storage, IntOption("--requests-per-route", 10_000), IntOption("--seed", 26), Option("--route"),
        IntOption("--index", 0), IntOption("--check-every", 50), Console.WriteLine);
}

if (args.FirstOrDefault() == "kpi-rollup" && !string.IsNullOrWhiteSpace(storage))
{
    var rollupBaseline = await MeasureBaselineAsync();
    var rollup = await KpiRollupBenchmark.RunAsync(storage, IntOption("--activities", 1_000_000), IntOption("--deals", 50_000), IntOption("--cases", 20_000), Console.WriteLine);
    var rollupCalls = new PathCalls(rollup.RollupCalls, rollup.Cells, "rollup cell", rollup.RollupBatchEntities);
    var perActivity = new PathCalls(rollup.RollupCalls, rollup.Activities, "activity", rollup.RollupBatchEntities);
    var activityCeiling = rollupBaseline.CeilingPerSecond(perActivity);
    var concurrentRatio = rollup.ActivitiesPerSecond / activityCeiling;
    string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
    string Share(TimeSpan part) => $"{Seconds(part)} s ({part / rollup.Rollup:P0})";
    string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("N0", CultureInfo.InvariantCulture);
    var rollupTable = new Table().Title("KPI rollup (RecomputeAllAsync) from Azurite vs a raw read of the same rows (same run)")
        .AddColumns("Measure", "Value");
    rollupTable.AddRow("activities / deals / cases", $"{rollup.Activities:N0} / {rollup.Deals:N0} / {rollup.Cases:N0}");
    rollupTable.AddRow("load (not measured)", $"{Seconds(rollup.Load)} s");
    rollupTable.AddRow("  activity rows + index, entities/s", $"{rollup.ImportEntitiesPerSecond:N0} ({Seconds(rollup.Import)} s)");
    rollupTable.AddRow("baseline: raw read, rows/s", $"{rollup.RawRowsPerSecond:N0} ({rollup.RawRows:N0} rows in {Seconds(rollup.RawRead)} s)");
    rollupTable.AddRow("rollup: seconds", Seconds(rollup.Rollup));
    rollupTable.AddRow("rollup: activities/s", $"{rollup.ActivitiesPerSecond:N0}");
    rollupTable.AddRow("old baseline (this release only): ratio rollup : raw read", $"{rollup.Ratio:F3}");
    rollupTable.AddRow("storage calls per rollup cell / per activity", $"{rollupCalls.PerItem:F3} / {perActivity.PerItem:F3}");
    rollupTable.AddRow("concurrent baseline: activities/s Azurite could serve with this call mix", $"{activityCeiling:N0}");
    rollupTable.AddRow("ratio rollup : concurrent baseline", $"{concurrentRatio:F3}");
    rollupTable.AddRow("  read activities + CRM records", Share(rollup.Reading));
    rollupTable.AddRow("  compute", Share(rollup.Computing));
    rollupTable.AddRow("  write cells (ReplaceAsync)", $"{Share(rollup.Writing)}, {rollup.CellEntitiesPerSecond:N0} entities/s");
    rollupTable.AddRow("  other", Share(rollup.Other));
    rollupTable.AddRow("cells written / per s", $"{rollup.Cells:N0} / {rollup.CellsPerSecond:N0}");
    rollupTable.AddRow("peak working set: process / rollup", $"{Megabytes(rollup.PeakWorkingSet)} MB / {Megabytes(rollup.RollupWorkingSet)} MB");
    rollupTable.AddRow("months / touchpoint mismatches", $"{rollup.Months} / {rollup.Mismatches}");
    AnsiConsole.Write(rollupTable);
    rollup.Examples.Take(10).ToList().ForEach(e => Console.WriteLine("  mismatch: " + e));
    PrintCalls(rollupCalls, rollupBaseline.CeilingPerSecond(rollupCalls));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"kpi-rollup: {rollup.Activities} activities in {rollup.Rollup.TotalSeconds:F1} s = {rollup.ActivitiesPerSecond:F0} activities/s; {rollup.Cells} cells, {rollupCalls.PerItem:F3} storage calls per cell; old baseline raw read {rollup.RawRowsPerSecond:F0} rows/s (ratio {rollup.Ratio:F3}); concurrent baseline {activityCeiling:F0} activities/s; ratio {concurrentRatio:F3}; {rollup.Mismatches} mismatches"));
    return rollup.Mismatches == 0 ? 0 : 1;
}

if (args.FirstOrDefault() == "freshness" && !string.IsNullOrWhiteSpace(storage))
{
    var freshBaseline = await MeasureBaselineAsync();
    var fresh = await FreshnessBenchmark.RunAsync(storage, IntOption("--items", 120), TimeSpan.FromMilliseconds(IntOption("--interval-ms", 1000)), Console.WriteLine);
    var freshCalls = new PathCalls(fresh.Calls, fresh.Items, "email", fresh.BatchEntities);
    var freshCeiling = freshBaseline.CeilingPerSecond(freshCalls);
    PrintCalls(freshCalls, freshCeiling);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"freshness: {fresh.Items} items, {fresh.Counted} counted; notification to KPI p50 {fresh.Percentile(0.5):F1} s, p95 {fresh.Percentile(0.95):F1} s, max {fresh.Percentile(1):F1} s (default production settings); {freshCalls.PerItem:F1} storage calls per email, concurrent baseline {freshCeiling:F0} emails/s at that mix; mismatches {fresh.Mismatches}"));
    return fresh.Counted == fresh.Items && fresh.Mismatches == 0 ? 0 : 1;
}

if (args.FirstOrDefault() != "delta-backfill" || string.IsNullOrWhiteSpace(storage))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var emails = int.Parse(Option("--emails") ?? "100000", CultureInfo.InvariantCulture);
var baselineMessages = int.Parse(Option("--baseline-messages") ?? "5000", CultureInfo.InvariantCulture);
var timeout = TimeSpan.FromMinutes(int.Parse(Option("--timeout-minutes") ?? "120", CultureInfo.InvariantCulture));

// The old baseline, printed this release only: a score message's size (about 600 bytes), with the Host listener's
// concurrency (batchSize 16 + newBatchThreshold 8), sent with 8 in flight. The ratio now uses the concurrent one.
Console.WriteLine($"old baseline: {baselineMessages:N0} queue messages sent, received and deleted...");
var baseline = await QueueRoundTripBaseline.MeasureAsync(storage, baselineMessages, bodyBytes: 600, concurrency: 24);
Console.WriteLine($"old baseline: {baseline:F0} messages/s");
var concurrent = await MeasureBaselineAsync();

Console.WriteLine($"delta backfill of about {emails:N0} emails...");
var result = await DeltaBackfillBenchmark.RunAsync(storage, emails, timeout, Console.WriteLine);
var perEmail = new PathCalls(result.Calls, result.Emails, "email", result.BatchEntities);
var perItem = new PathCalls(result.Calls, result.Emails + result.Meetings, "email or meeting", result.BatchEntities);
var ceiling = concurrent.CeilingPerSecond(perEmail);
var ratio = result.EmailsPerSecond / ceiling;

var table = new Table().Title("Delta backfill through the Host vs the raw Azurite queue round trip (same run, same Azurite)")
    .AddColumns("Measure", "Value");
table.AddRow("emails (distinct messages)", result.Emails.ToString("N0", CultureInfo.InvariantCulture));
table.AddRow("meetings", result.Meetings.ToString("N0", CultureInfo.InvariantCulture));
table.AddRow("mailbox items read from Graph (copies per mailbox)", result.MailboxItems.ToString("N0", CultureInfo.InvariantCulture));
table.AddRow("activity rows stored", result.ActivityRows.ToString("N0", CultureInfo.InvariantCulture));
table.AddRow("KPI mismatches against ground truth", result.Mismatches.ToString(CultureInfo.InvariantCulture));
table.AddRow("poison messages", result.Poison.ToString(CultureInfo.InvariantCulture));
table.AddRow("elapsed (first registration to rolled up)", $"{result.Elapsed.TotalSeconds:F1} s");
table.AddRow("backfill: emails per second", $"{result.EmailsPerSecond:F0}");
table.AddRow("backfill: mailbox items per second", $"{result.ItemsPerSecond:F0}");
table.AddRow("old baseline (this release only): sequential queue round trips per second", $"{baseline:F0}");
table.AddRow("old ratio emails/s : queue round trips/s", $"{result.EmailsPerSecond / baseline:F2}");
table.AddRow("storage calls per email / per email or meeting", $"{perEmail.PerItem:F2} / {perItem.PerItem:F2}");
table.AddRow("concurrent baseline: emails/s Azurite could serve with this call mix", $"{ceiling:F0}");
table.AddRow("ratio emails/s : concurrent baseline", $"{ratio:F2}");
AnsiConsole.Write(table);
PrintCalls(perEmail, ceiling);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"delta-backfill: {result.Emails} emails in {result.Elapsed.TotalSeconds:F1} s = {result.EmailsPerSecond:F0} emails/s; {perEmail.PerItem:F1} storage calls per email ({perItem.PerItem:F1} per email or meeting); old baseline {baseline:F0} sequential queue round trips/s (ratio {result.EmailsPerSecond / baseline:F2}); concurrent baseline {ceiling:F0} emails/s; ratio {ratio:F2}; mismatches {result.Mismatches}, poison {result.Poison}"));
return result.Mismatches == 0 && result.Poison == 0 ? 0 : 1;
