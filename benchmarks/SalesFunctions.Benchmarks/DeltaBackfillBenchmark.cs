using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using SalesFunctions.Core.Security;
using SalesFunctions.Host;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// A full delta backfill: the demo organisation scaled to the requested number of emails, already in the simulator's
/// mailboxes when capture starts, so that onboarding (subscriptions, then the initial delta sync of every folder)
/// has to read it all through the real Host, Graph SDK, queues and tables. Timed from the first mailbox registration
/// until every queue is empty and the rollup has run; checked against the simulator's ground truth.
/// </summary>
internal static class DeltaBackfillBenchmark
{
    /// <param name="Calls">Every storage call of the Host from the first registration until the rollup is done.</param>
    public sealed record Result(int Emails, int Meetings, int MailboxItems, int ActivityRows, int Mismatches, int Poison, TimeSpan Elapsed, IReadOnlyDictionary<StorageCall, long> Calls, IReadOnlyDictionary<StorageCall, long> BatchEntities)
    {
        public double EmailsPerSecond => Emails / Elapsed.TotalSeconds;

        public double ItemsPerSecond => MailboxItems / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(string connectionString, int targetEmails, TimeSpan timeout, Action<string> progress)
    {
        // Emails grow a little less than linearly with the generator's volume: scale, measure, and scale once more.
        var options = new SimulatorOptions { Urls = "http://127.0.0.1:0", Days = 30, Volume = 1 };
        for (var round = 0; round < 2; round++)
        {
            var emails = new DemoOrganisation(options).Emails.Count;
            options = options with { Volume = options.Volume * targetEmails / emails };
        }

        await using var simulator = SimulatorApp.Build(options);
        await simulator.StartAsync();
        var organisation = simulator.Services.GetRequiredService<DemoOrganisation>();
        var played = await simulator.Services.GetRequiredService<Player>().PlayAsync(null, CancellationToken.None, notify: false);
        progress($"simulator: {organisation.Emails.Count:N0} emails, {organisation.Meetings.Count:N0} meetings, {played.ItemsWritten:N0} mailbox items in {organisation.Mailboxes.Count()} mailboxes");

        var hostUrl = FreeLoopbackUrl();
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..6];
        await using var host = await StartHostAsync(connectionString, prefix, hostUrl, simulator.Urls.First());
        using var client = new HttpClient { BaseAddress = new Uri(hostUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            host.Services.GetRequiredService<DevelopmentIssuer>().Issue(DemoOrganisation.TenantId, CallerRole.Admin, "bench-admin", "bench-admin@bench.example", "Benchmark"));
        var driver = new DemoDriver(client, simulator, timeout);

        var counter = host.Services.GetRequiredService<StorageCallCounter>();
        var before = counter.Snapshot();
        var entitiesBefore = counter.BatchEntities();
        var clock = Stopwatch.StartNew();
        await driver.ImportAndSubscribeAsync(CancellationToken.None);
        var status = await driver.WaitForRollupAsync(progress: true, CancellationToken.None);
        clock.Stop();
        var calls = counter.Since(before);
        var entities = counter.BatchEntitiesSince(entitiesBefore);

        var (mismatches, _) = await driver.CompareWithTruthAsync(CancellationToken.None);
        var rows = await CountRowsAsync(host, StorageNames.Activities);
        return new Result(organisation.Emails.Count, organisation.Meetings.Count, played.ItemsWritten, rows, mismatches.Count, DemoDriver.PoisonCount(status), clock.Elapsed, calls, entities);
    }

    /// <param name="settings">Settings over the benchmark's own (the freshness benchmark's production rollup schedule).</param>
    internal static async Task<WebApplication> StartHostAsync(string connectionString, string prefix, string url, string graphUrl, IDictionary<string, string?>? settings = null)
    {
        // The Host's appsettings.json and host.json are copied next to this program: read them from there.
        // Testing: the environment in which the development issuer may sign the benchmark's admin in.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);

        // Production settings except where the simulator stands in for Graph; the rollup runs every 5 seconds so
        // that the end of the run is seen promptly.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:Prefix"] = prefix,
            ["Auth:Instance"] = url + "/dev/",
            ["Auth:Audience"] = "api://salesfunctions-bench",
            [$"Auth:Tenants:{DemoOrganisation.TenantId}"] = DemoOrganisation.TenantId,
            ["Auth:DevelopmentIssuer:Enabled"] = "true",
            ["Graph:BaseUrl"] = graphUrl + "/v1.0",
            ["Graph:Authentication"] = "None",
            ["Graph:Subscriptions:NotificationUrl"] = url + "/api/graph/notifications",
            ["KpiRollupSchedule"] = "*/5 * * * * *",
            ["DeltaSweepSchedule"] = "0 0 0 1 1 *",
            ["Listeners:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:SalesFunctions"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddSalesFunctionsHost();
        var app = builder.Build();
        app.MapSalesFunctions();
        await app.StartAsync();
        return app;
    }

    private static async Task<int> CountRowsAsync(WebApplication host, string logicalTable)
    {
        var table = host.Services.GetRequiredService<StorageClients>().Tables.GetTableClient(host.Services.GetRequiredService<StorageNames>().Table(logicalTable));
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    internal static string FreeLoopbackUrl()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}");
    }
}
