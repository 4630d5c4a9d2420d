using System.Globalization;
using SalesFunctions.Benchmarks;
using Spectre.Console;

// End-to-end throughput against Azurite, each next to a baseline measured in the same run on the same Azurite.
// scripts/bench.sh starts Azurite and passes its connection string. Usage:
//   delta-backfill [--emails 100000] [--baseline-messages 5000] [--timeout-minutes 120]
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var storage = Environment.GetEnvironmentVariable("SALESFUNCTIONS_BENCH_STORAGE");
if (args.FirstOrDefault() != "delta-backfill" || string.IsNullOrWhiteSpace(storage))
{
    Console.Error.WriteLine("usage: SALESFUNCTIONS_BENCH_STORAGE=<connection string> salesfunctions-bench delta-backfill [--emails N] [--baseline-messages N] [--timeout-minutes N]");
    return 2;
}

var emails = int.Parse(Option("--emails") ?? "100000", CultureInfo.InvariantCulture);
var baselineMessages = int.Parse(Option("--baseline-messages") ?? "5000", CultureInfo.InvariantCulture);
var timeout = TimeSpan.FromMinutes(int.Parse(Option("--timeout-minutes") ?? "120", CultureInfo.InvariantCulture));

// The baseline: a score message's size (about 600 bytes), with the Host listener's concurrency (batchSize 16 + newBatchThreshold 8).
Console.WriteLine($"baseline: {baselineMessages:N0} queue messages sent, received and deleted...");
var baseline = await QueueRoundTripBaseline.MeasureAsync(storage, baselineMessages, bodyBytes: 600, concurrency: 24);
Console.WriteLine($"baseline: {baseline:F0} messages/s");

Console.WriteLine($"delta backfill of about {emails:N0} emails...");
var result = await DeltaBackfillBenchmark.RunAsync(storage, emails, timeout, Console.WriteLine);

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
table.AddRow("baseline: Azurite queue round trips per second", $"{baseline:F0}");
table.AddRow("ratio emails/s : queue round trips/s", $"{result.EmailsPerSecond / baseline:F2}");
AnsiConsole.Write(table);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"delta-backfill: {result.Emails} emails in {result.Elapsed.TotalSeconds:F1} s = {result.EmailsPerSecond:F0} emails/s; baseline {baseline:F0} queue round trips/s; ratio {result.EmailsPerSecond / baseline:F2}; mismatches {result.Mismatches}, poison {result.Poison}"));
return result.Mismatches == 0 && result.Poison == 0 ? 0 : 1;
