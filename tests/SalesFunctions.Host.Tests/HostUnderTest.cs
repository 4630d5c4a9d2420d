using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Storage;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests;

/// <summary>
/// The real Host (same setup as Program.cs) on Kestrel at a free loopback port, with storage isolated under a fresh
/// prefix in Azurite. Tests talk to it over real HTTP.
/// </summary>
public sealed class HostUnderTest : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private HostUnderTest(WebApplication app, string prefix)
    {
        App = app;
        Prefix = prefix;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        Client.DefaultRequestHeaders.Add("x-admin-key", AdminKey);
    }

    public WebApplication App { get; }

    public string Prefix { get; }

    public HttpClient Client { get; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="url">Where to listen; a free port is picked when null. Known in advance so that it can be configured as the notification URL.</param>
    /// <param name="prefix">Storage to use; a fresh, isolated one when null. Reuse one to restart a Host on the same data.</param>
    public static async Task<HostUnderTest> StartAsync(IDictionary<string, string?>? settings = null, string? url = null, string? prefix = null)
    {
        prefix ??= AzuriteStorage.NewPrefix();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(url ?? "http://127.0.0.1:0");
        var configuration = AzuriteStorage.Settings(prefix);
        configuration["Admin:ApiKey"] = AdminKey;
        configuration["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0";
        configuration["Graph:Authentication"] = "None";
        configuration["Graph:Subscriptions:NotificationUrl"] = "http://127.0.0.1:9/api/graph/notifications";
        configuration["KpiRollupSchedule"] = "*/1 * * * * *";
        configuration["SubscriptionRenewalSchedule"] = "0 0 * * * *";
        configuration["DeltaSweepSchedule"] = "0 0 0 1 1 *";
        configuration["Listeners:Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton(TestClock.Provider);
        builder.AddSalesFunctionsHost();
        var app = builder.Build();
        app.MapSalesFunctions();
        await app.StartAsync();
        return new HostUnderTest(app, prefix);
    }

    /// <summary>
    /// Imports a one-rep directory (Ava, rep-01, team-a, contoso-sales.example) with the given accounts and contacts
    /// through the admin API, as the endpoint tests that need a configured tenant do.
    /// </summary>
    public async Task ImportDirectoryAsync(string tenantId, object[] accounts, object[] contacts)
    {
        var directory = new
        {
            internalDomains = new[] { "contoso-sales.example" },
            timeZone = "UTC",
            teams = new[] { new { id = "team-a", name = "A" } },
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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
