using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Core.Security;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Storage;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests;

/// <summary>
/// The real Host (same setup as Program.cs) on Kestrel at a free loopback port, with storage isolated under a fresh
/// prefix in Azurite. Tests talk to it over real HTTP.
/// </summary>
public sealed class HostUnderTest : IAsyncDisposable
{
    /// <summary>The API audience of the tests' tokens.</summary>
    public const string Audience = "api://salesfunctions-tests";

    /// <summary>
    /// The tenants the tests use, each its own Entra tenant in the development issuer's mapping (tid = tenant id), and
    /// an Entra-style tenant mapped to one of them. A test of another tenant adds Auth:Tenants:{id} to its settings.
    /// </summary>
    public static readonly IReadOnlyList<string> Tenants =
        ["tenant-a", "tenant-b", "tenant-m", "tenant-t", "tenant-q", "tenant-csv", "tenant-crm", "tenant-targets", "tenant-configured", "tenant-hostile", "recompute-tenant", "nobody",
         "84bd8158-6d4d-4958-8b9f-9d6445542f95", Simulator.Organisation.DemoOrganisation.TenantId, Simulator.Organisation.DemoOrganisation.OtherTenantId];

    /// <summary>The operator tenant, whose admin the test client is on routes without a tenant (status, poison).</summary>
    public static string HomeTenant => Simulator.Organisation.DemoOrganisation.TenantId;

    private HostUnderTest(WebApplication app, string prefix, LogCapture logs)
    {
        App = app;
        Prefix = prefix;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient(new SignedInAsAdmin(this)) { BaseAddress = BaseAddress };
    }

    /// <summary>The Host's address; an HttpClient of its own sends no token.</summary>
    public Uri BaseAddress { get; }

    public WebApplication App { get; }

    public string Prefix { get; }

    /// <summary>What the Host logged, at the levels its configuration lets through.</summary>
    public LogCapture Logs { get; }

    public HttpClient Client { get; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="url">Where to listen; a free port is picked when null. Known in advance so that it can be configured as the notification URL.</param>
    /// <param name="prefix">Storage to use; a fresh, isolated one when null. Reuse one to restart a Host on the same data.</param>
    /// <param name="services">More services after the Host's own (a test's telemetry exporter).</param>
    public static async Task<HostUnderTest> StartAsync(IDictionary<string, string?>? settings = null, string? url = null, string? prefix = null,
        Action<IServiceCollection>? services = null)
    {
        prefix ??= AzuriteStorage.NewPrefix();
        url ??= FreeLoopbackUrl();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(url);
        var configuration = AzuriteStorage.Settings(prefix);
        configuration["Auth:Instance"] = $"{url}/dev/";
        configuration["Auth:Audience"] = Audience;
        configuration["Auth:OperatorTenant"] = HomeTenant;
        configuration["Auth:DevelopmentIssuer:Enabled"] = "true";
        // Far above what the tests send; the rate-limit test sets its own.
        configuration["Auth:RequestsPerMinute"] = configuration["Auth:TenantRequestsPerMinute"] = configuration["Auth:IngressRequestsPerMinute"] = "10000000";
        configuration["Auth:DevelopmentIssuer:KeyPath"] = Path.Combine(Path.GetTempPath(), "salesfunctions-tests", "development-issuer-key.pem");
        foreach (var tenant in Tenants)
        {
            configuration[$"Auth:Tenants:{tenant}"] = tenant;
        }

        configuration["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0";
        configuration["Graph:Authentication"] = "None";
        configuration["Graph:Subscriptions:NotificationUrl"] = "http://127.0.0.1:9/api/graph/notifications";
        configuration["KpiRollupSchedule"] = "*/1 * * * * *";
        configuration["SubscriptionRenewalSchedule"] = "0 0 * * * *";
        configuration["DeltaSweepSchedule"] = "0 0 0 1 1 *";
        configuration["PstnSweepSchedule"] = "0 0 0 1 1 *";
        configuration["Listeners:Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton(TestClock.Provider);
        var logs = new LogCapture();
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
        builder.AddSalesFunctionsHost();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSalesFunctions();
        await app.StartAsync();
        return new HostUnderTest(app, prefix, logs);
    }

    /// <summary>
    /// A Host that reads Graph from a running simulator, receives its notifications at its own URL, and runs every
    /// listener with the rollup timer every second: the end-to-end tests' deployment.
    /// </summary>
    /// <param name="settings">More settings over those (a class's connectors, schedules, page sizes).</param>
    /// <param name="url">Where to listen; a free port when null. A restarted Host keeps its URL: the simulator's subscriptions point at it.</param>
    /// <param name="prefix">Storage to use; a fresh one when null. Reuse one to restart a Host on the same data.</param>
    /// <param name="services">More services after the Host's own (a test's telemetry exporter).</param>
    public static async Task<HostUnderTest> StartAgainstSimulatorAsync(WebApplication simulator, IDictionary<string, string?>? settings = null,
        string? url = null, string? prefix = null, Action<IServiceCollection>? services = null)
    {
        var hostUrl = url ?? FreeLoopbackUrl();
        var configuration = new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = $"{simulator.Urls.First()}/v1.0",
            ["Graph:Subscriptions:NotificationUrl"] = $"{hostUrl}/api/graph/notifications",
            ["Graph:Subscriptions:LifecycleNotificationUrl"] = $"{hostUrl}/api/graph/lifecycle",
            ["Listeners:Enabled"] = "true",
            ["KpiRollupSchedule"] = "*/1 * * * * *",
            // A throttling storm outlasts the SDK's retries in seconds here, not minutes: its deferred reads need not wait 30 s.
            ["Capture:ThrottledDeferralSeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return await StartAsync(configuration, hostUrl, prefix, services);
    }

    /// <summary>The one account most endpoint tests' directories hold: acc-1, Northwind, at northwind.example.</summary>
    public static object Northwind { get; } = new { id = "acc-1", name = "Northwind", domains = new[] { "northwind.example" } };

    /// <summary>
    /// Imports a one-rep directory (Ava, rep-01, team-a with the given manager, contoso-sales.example) with the given accounts and contacts
    /// through the admin API, as the endpoint tests that need a configured tenant do.
    /// </summary>
    public async Task ImportDirectoryAsync(string tenantId, object[] accounts, object[] contacts, string? manager = null)
    {
        var directory = new
        {
            internalDomains = new[] { "contoso-sales.example" },
            timeZone = "UTC",
            teams = new[] { new { id = "team-a", name = "A", managers = manager is null ? Array.Empty<string>() : [manager] } },
            reps = new[] { new { id = "rep-01", email = "ava@contoso-sales.example", name = "Ava", teamId = "team-a" } },
            accounts,
            contacts,
        };
        using var response = await Client.PutAsJsonAsync($"/api/admin/tenants/{tenantId}/directory", directory);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Stored activity rows of every tenant: one per real-world email or meeting, however often it was seen.</summary>
    public async Task<int> CountActivityRowsAsync()
    {
        var table = Service<StorageClients>().Tables.GetTableClient(Service<StorageNames>().Table(StorageNames.Activities));
        var count = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>A loopback URL with a port that was free a moment ago.</summary>
    public static string FreeLoopbackUrl()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return $"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}";
    }

    /// <summary>Everything stored under this Host's prefix (the fuzz harness's snapshot): equal snapshots, nothing written.</summary>
    public Task<Benchmarks.Fuzz.StorageSnapshot> SnapshotStorageAsync() =>
        Benchmarks.Fuzz.StorageSnapshot.TakeAsync(Service<StorageClients>(), Prefix, CancellationToken.None);

    /// <summary>A bearer token of the development issuer for one person of a tenant mapped above.</summary>
    public string Token(string tenantId, CallerRole role, string? email = null) =>
        Service<DevelopmentIssuer>().Issue(tenantId, role, $"test-{role}", email ?? $"{role.ToString().ToLowerInvariant()}@test.example", $"Test {role}");

    /// <summary>
    /// A client that sends no token of its own: tests give each request its own Authorization header. It waits for the
    /// answer to an Expect: 100-continue, which a route over its body cap gives before reading.
    /// </summary>
    public HttpClient AnonymousClient() => new(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = BaseAddress };

    /// <summary>A client signed in as an admin of one tenant, for routes that name no tenant (status).</summary>
    public HttpClient AdminClientOf(string tenantId)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token(tenantId, CallerRole.Admin));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
