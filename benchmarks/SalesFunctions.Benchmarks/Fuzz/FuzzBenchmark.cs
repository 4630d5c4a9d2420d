using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Core.Security;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Host;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>
/// scripts/fuzz.sh: a real Host on Azurite (a fresh storage prefix, listeners off), seeded by <see cref="FuzzSetup"/>,
/// then every HTTP route of the registry fuzzed, then the forged notification batches of issue 26 timed.
/// </summary>
internal static class FuzzBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int requestsPerRoute, int seed, string? routeName, int firstIndex, int checkEvery, Action<string> log)
    {
        var prefix = "fuzz" + Guid.NewGuid().ToString("N")[..6];
        var address = DeltaBackfillBenchmark.FreeLoopbackUrl();
        await using var host = await StartHostAsync(connectionString, prefix, address);
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        var token = host.Services.GetRequiredService<DevelopmentIssuer>().Issue(FuzzSetup.Tenant, CallerRole.Admin, "fuzz-admin", "fuzz-admin@fuzz.example", "Fuzz");
        await FuzzSetup.SeedAsync(client, token, host.Services.GetRequiredService<ISubscriptionStore>(), CancellationToken.None);

        var routes = FuzzRunner.Routes.Where(r => routeName is null || r.Name == routeName).ToList();
        if (routes.Count == 0)
        {
            log($"fuzz: no HTTP route named {routeName}; routes: {string.Join(", ", FuzzRunner.Routes.Select(r => r.Name))}");
            return 2;
        }

        log(string.Create(CultureInfo.InvariantCulture, $"fuzz: seed {seed}, {requestsPerRoute} requests per route from index {firstIndex}, {routes.Count} routes, storage prefix {prefix}"));
        var clock = Stopwatch.StartNew();
        var runner = new FuzzRunner(client, host.Services.GetRequiredService<StorageClients>(), prefix, token);
        var report = await runner.RunAsync(routes, requestsPerRoute, seed, checkEvery, log, CancellationToken.None, firstIndex);
        log(string.Create(CultureInfo.InvariantCulture, $"statuses: {string.Join(", ", report.ByStatus.Select(s => $"{s.Key} × {s.Value}"))}; {report.Resent} refused requests sent again after an accepted write; {clock.Elapsed.TotalSeconds:F0} s"));
        foreach (var finding in report.Findings.Take(50))
        {
            log($"  FINDING {finding.Kind} {finding.Route} index {string.Join(',', finding.Indexes.Take(10))}{(finding.Indexes.Count > 10 ? ",…" : string.Empty)}: {finding.Detail}");
        }

        if (report.Findings.Count > 0)
        {
            log($"  reproduce one: scripts/fuzz.sh --seed {seed} --route <route> --index <i> --requests-per-route 1");
        }

        if (routeName is null)
        {
            await TimeForgedBatchesAsync(client, log);
        }

        log(report.MissingProblems + report.NoAnswers > 0
            ? string.Create(CultureInfo.InvariantCulture, $"fuzz: {report.MissingProblems} 4xx without a problem body, {report.NoAnswers} without an answer")
            : "fuzz: every 4xx carried a problem body");
        log(report.Summary);
        return report.Passed ? 0 : 1;
    }

    /// <summary>
    /// The forged batches of issue 26, timed over HTTP: 5,000 items (refused whole), and the most items a request may
    /// hold, each for a different made-up subscription, first cold and then again (served from the lookup cache).
    /// </summary>
    private static async Task TimeForgedBatchesAsync(HttpClient client, Action<string> log)
    {
        static byte[] Forged(int count, string salt) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            value = Enumerable.Range(0, count).Select(i => new
            {
                subscriptionId = $"{salt}-{i:000000}", clientState = "guess", changeType = "created", tenantId = FuzzSetup.GraphTenant, resource = "Users/x/Messages/y",
                resourceData = new { id = "AAMkAGI2TG93AAA=" },
            }),
        }));

        async Task<(double Ms, int Status)> SendAsync(byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync("/api/graph/notifications", content);
            await response.Content.ReadAsByteArrayAsync();
            return (clock.Elapsed.TotalMilliseconds, (int)response.StatusCode);
        }

        var flood = Forged(5_000, "flood");
        var floodTimes = new List<double>();
        var floodStatus = 0;
        for (var i = 0; i < 20; i++)
        {
            (var ms, floodStatus) = await SendAsync(flood);
            floodTimes.Add(ms);
        }

        var most = Forged(Core.Capture.NotificationIntake.MaxItems, Guid.NewGuid().ToString("N")[..8]);
        var (cold, coldStatus) = await SendAsync(most);
        var warm = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            warm.Add((await SendAsync(most)).Ms);
        }

        floodTimes.Sort();
        warm.Sort();
        log(string.Create(CultureInfo.InvariantCulture,
            $"forged batch of 5,000 items ({flood.Length / 1024} KB): {floodStatus}, p50 {floodTimes[10]:F1} ms, max {floodTimes[^1]:F1} ms over 20"));
        log(string.Create(CultureInfo.InvariantCulture,
            $"forged batch of {Core.Capture.NotificationIntake.MaxItems:N0} items for as many unknown subscriptions ({most.Length / 1024} KB): {coldStatus}, first {cold:F1} ms (one read of the tenant's subscriptions), repeated p50 {warm[10]:F1} ms, max {warm[^1]:F1} ms over 20 (cached)"));
    }

    private static async Task<WebApplication> StartHostAsync(string connectionString, string prefix, string url)
    {
        // Testing: the environment in which the development issuer may sign the harness's admin in.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);
        var settings = FuzzSetup.Settings();
        settings["Storage:ConnectionString"] = connectionString;
        settings["Storage:Prefix"] = prefix;
        settings["Auth:Instance"] = url + "/dev/";
        settings["Auth:Audience"] = "api://salesfunctions-fuzz";
        settings["Auth:DevelopmentIssuer:Enabled"] = "true";
        // Hostile load from one address is what the harness is; the rate limits have their own tests.
        settings["Auth:RequestsPerMinute"] = settings["Auth:TenantRequestsPerMinute"] = settings["Auth:IngressRequestsPerMinute"] = "10000000";
        settings["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0";
        settings["Graph:Authentication"] = "None";
        settings["Graph:Subscriptions:NotificationUrl"] = "http://127.0.0.1:9/api/graph/notifications";
        // Hostile requests are refused with warnings by design; errors (an unhandled exception, a 500) still show.
        settings["Logging:LogLevel:Default"] = "Error";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSalesFunctionsHost();
        var app = builder.Build();
        app.MapSalesFunctions();
        await app.StartAsync();
        return app;
    }
}
