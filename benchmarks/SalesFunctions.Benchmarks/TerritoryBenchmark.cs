using System.Diagnostics;
using SalesFunctions.Core.Territories;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// Assigns every generated account with the compiled territory engine and with the same rules in Microsoft
/// RulesEngine, after a warm-up of both, single-threaded, and counts primary assignments that differ.
/// </summary>
public static class TerritoryBenchmark
{
    private const int OurPasses = 5;

    public static async Task<TerritoryBenchmarkResult> RunAsync(int accounts, int territories, int? rulesEngineAccounts, TimeSpan rulesEngineBudget, Action<string> log)
    {
        var data = TerritoryBenchmarkData.Generate(seed: 20260101, accounts, territories);
        var compileWatch = Stopwatch.StartNew();
        var ours = CompiledTerritoryModel.Compile(data.Model);
        compileWatch.Stop();
        var rulesEngine = new RulesEngineTerritories(data.Model);
        log($"model: {data.Model.Territories.Count:N0} territories, {rulesEngine.RuleCount:N0} rules; compiled in {compileWatch.Elapsed.TotalMilliseconds:F0} ms");

        // Warm-up: JIT for ours; for RulesEngine also the one-time compilation of the workflow, which it caches.
        var warmUp = Math.Min(2_000, data.Accounts.Count);
        for (var i = 0; i < warmUp; i++)
        {
            ours.Assign(data.Accounts[i]);
            await rulesEngine.AssignAsync(data.Accounts[i]);
        }

        var ourAssignments = new TerritoryAssignment[data.Accounts.Count];
        var watch = Stopwatch.StartNew();
        for (var pass = 0; pass < OurPasses; pass++)
        {
            for (var i = 0; i < data.Accounts.Count; i++)
            {
                ourAssignments[i] = ours.Assign(data.Accounts[i]);
            }
        }

        watch.Stop();
        var oursPerSecond = OurPasses * data.Accounts.Count / watch.Elapsed.TotalSeconds;
        log($"ours: {OurPasses} passes over {data.Accounts.Count:N0} accounts in {watch.Elapsed.TotalSeconds:F2} s");

        // Sized so RulesEngine stays within its budget: measured on a sample first unless a size was given.
        var subset = rulesEngineAccounts ?? data.Accounts.Count;
        if (rulesEngineAccounts is null)
        {
            var sample = Math.Min(2_000, data.Accounts.Count);
            var sampleWatch = Stopwatch.StartNew();
            for (var i = 0; i < sample; i++)
            {
                await rulesEngine.AssignAsync(data.Accounts[i]);
            }

            var projected = TimeSpan.FromSeconds(sampleWatch.Elapsed.TotalSeconds / sample * data.Accounts.Count);
            if (projected > rulesEngineBudget)
            {
                subset = (int)(data.Accounts.Count * (rulesEngineBudget / projected));
                subset = Math.Max(sample, subset / 1000 * 1000);
                log($"RulesEngine: all {data.Accounts.Count:N0} accounts would take about {projected.TotalMinutes:F1} min; measuring the first {subset:N0}");
            }
        }

        subset = Math.Min(subset, data.Accounts.Count);
        var primaryMismatches = 0;
        var overlayMismatches = 0;
        watch.Restart();
        for (var i = 0; i < subset; i++)
        {
            var theirs = await rulesEngine.AssignAsync(data.Accounts[i]);
            if (!string.Equals(theirs.PrimaryId, ourAssignments[i].PrimaryId, StringComparison.Ordinal))
            {
                primaryMismatches++;
            }

            if (!theirs.OverlayIds.SequenceEqual(ourAssignments[i].OverlayIds, StringComparer.Ordinal))
            {
                overlayMismatches++;
            }
        }

        watch.Stop();
        var theirsPerSecond = subset / watch.Elapsed.TotalSeconds;
        var withPrimary = ourAssignments.Count(assignment => assignment.PrimaryId is not null);
        var withOverlay = ourAssignments.Count(assignment => assignment.OverlayIds.Count > 0);
        return new TerritoryBenchmarkResult(data.Model.Territories.Count, rulesEngine.RuleCount, data.Accounts.Count, withPrimary, withOverlay,
            oursPerSecond, subset, theirsPerSecond, primaryMismatches, overlayMismatches);
    }
}
