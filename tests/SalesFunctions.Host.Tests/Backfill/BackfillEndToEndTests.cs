using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Host.Tests.Cli;
using SalesFunctions.Host.Tests.Kpis;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Backfill;

/// <summary>
/// The salesfn CLI, as a real process, imports a maildir tree of a few thousand files into a running Host's queues;
/// the Host's KPIs must equal the simulator's independent count of the same emails, and a second import must change
/// nothing.
/// </summary>
public sealed class BackfillEndToEndTests : IAsyncLifetime
{
    private WebApplication _simulator = null!;
    private HostUnderTest _host = null!;
    private string _export = null!;

    public async Task InitializeAsync()
    {
        // Built, not started: the organisation, its emails and the ground-truth window; no Graph is involved.
        _simulator = SimulatorApp.Build(new SimulatorOptions { Urls = "http://127.0.0.1:0", Clock = TestClock.Provider, Days = 20 });
        _host = await HostUnderTest.StartAsync(new Dictionary<string, string?> { ["Listeners:Enabled"] = "true" });
        _export = Directory.CreateTempSubdirectory("salesfunctions-maildir-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulator.DisposeAsync();
        Directory.Delete(_export, recursive: true);
    }

    [Fact]
    public async Task Backfill_WhenMaildirTreeImportedTwice_KpisEqualTheIndependentCountAndTheSecondImportChangesNothing()
    {
        var organisation = _simulator.Services.GetRequiredService<DemoOrganisation>();
        var files = MaildirExport.Write(_export, organisation);
        (await _host.Client.PutAsJsonAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/directory", organisation.Directory())).EnsureSuccessStatusCode();
        var driver = new DemoDriver(_host.Client, _simulator, TimeSpan.FromMinutes(5));
        var emails = organisation.Emails.Where(e => !e.IsDraft && e.Everyone.Any(p => !p.Internal)).ToList();
        var truth = GroundTruth.Compute(organisation, organisation.Emails, []);

        var (exit, output) = await Salesfn.RunAsync(_host, "backfill", "--tenant", DemoOrganisation.TenantId, _export);
        await driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.True(files > 2000, $"the export should hold thousands of files, not {files}");
        Assert.True(exit == 0, output);
        Assert.Matches($@"files\W+{files}\b", output);
        Assert.Empty((await driver.CompareWithTruthAsync(CancellationToken.None, truth)).Mismatches);
        Assert.Empty(LogCapture.Holding([.. _host.Logs.Lines, .. output.Split('\n')], EndToEnd.RunSecrets.Of(organisation)));
        Assert.Equal(emails.Count, await _host.CountActivityRowsAsync());
        var kpis = await AllRowsAsync(organisation);

        (exit, output) = await Salesfn.RunAsync(_host, "backfill", "--tenant", DemoOrganisation.TenantId, _export);
        await driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        Assert.True(exit == 0, output);
        Assert.Equal(emails.Count, await _host.CountActivityRowsAsync());
        Assert.Equal(kpis, await AllRowsAsync(organisation));
    }

    [Fact]
    public async Task Backfill_WhenTenantUnknownOrPathMissing_ExitsWithUsageError()
    {
        var (unknownTenant, _) = await Salesfn.RunAsync(_host, "backfill", "--tenant", "nobody", _export);
        var (missingPath, _) = await Salesfn.RunAsync(_host, "backfill", "--tenant", DemoOrganisation.TenantId, Path.Combine(_export, "missing"));
        var (noArguments, usage) = await Salesfn.RunAsync(null);

        Assert.Equal((2, 2, 2), (unknownTenant, missingPath, noArguments));
        Assert.Contains("backfill <export path>", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_WhenNumberedFilesCopiesAndBadAddressesImportedTwice_SummaryCountsWhatWasReadNewAndAlreadyStored()
    {
        var organisation = _simulator.Services.GetRequiredService<DemoOrganisation>();
        (await _host.Client.PutAsJsonAsync($"api/admin/tenants/{DemoOrganisation.TenantId}/directory", organisation.Directory())).EnsureSuccessStatusCode();
        var driver = new DemoDriver(_host.Client, _simulator, TimeSpan.FromMinutes(5));
        var inbox = Directory.CreateDirectory(Path.Combine(_export, "ava", "inbox")).FullName;
        var empty = Directory.CreateDirectory(Path.Combine(_export, "empty")).FullName;
        string Message(string id) => $"""
            Message-ID: <{id}@customer.example>
            Date: {DateTimeOffset.UtcNow.AddDays(-3):R}
            From: "Presto, M" <m..presto@customer.example>
            To: {organisation.Reps[0].Email}, Sales Team
            Subject: Order

            Body

            """.ReplaceLineEndings("\n");
        await File.WriteAllTextAsync(Path.Combine(inbox, "1."), Message("copy-1"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "2."), Message("copy-2"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "notes"), "not mail at all");
        var inboxFolder = Path.Combine(_export, "ava");

        var (exit, output) = await Salesfn.RunAsync(_host, "backfill", "--tenant", DemoOrganisation.TenantId, "--dedupe-copies", inboxFolder);
        await driver.WaitForRollupAsync(progress: false, CancellationToken.None);
        var (reexit, reimport) = await Salesfn.RunAsync(_host, "backfill", "--tenant", DemoOrganisation.TenantId, "--dedupe-copies", inboxFolder);
        var (emptyExit, emptyOutput) = await Salesfn.RunAsync(_host, "backfill", "--tenant", DemoOrganisation.TenantId, empty);

        Assert.True(exit == 0, output);
        Assert.Matches(@"files that were not messages\W+1\b", output);
        Assert.Matches(@"addresses that could not be read \(left out\)\W+2\b", output);
        Assert.Matches(@"copies under another Message-ID\W+1 \(counted once\)", output);
        Assert.Matches(@"\bnew\W+1\b", output);
        Assert.Matches(@"already stored \(unchanged ones change nothing\)\W+0\b", output);
        Assert.True(reexit == 0, reimport);
        Assert.Matches(@"\bnew\W+0\b", reimport);
        Assert.Matches(@"already stored \(unchanged ones change nothing\)\W+1\b", reimport);
        Assert.Equal(1, await _host.CountActivityRowsAsync());
        Assert.Equal(1, emptyExit);
        Assert.Contains("holds no message", emptyOutput, StringComparison.Ordinal);
    }

    private async Task<List<string>> AllRowsAsync(DemoOrganisation organisation)
    {
        var rows = new List<string>();
        var first = _simulator.Services.GetRequiredService<SimulatorOptions>().FirstDay;
        foreach (var rep in organisation.Reps)
        {
            rows.AddRange((await _host.Service<IKpiStore>().GetSeriesAsync(DemoOrganisation.TenantId, KpiDimension.Rep, rep.RepId!, KpiGrain.Day, first, first.AddDays(19), CancellationToken.None))
                .Select(KpiCellText.Of));
        }

        return rows;
    }
}
