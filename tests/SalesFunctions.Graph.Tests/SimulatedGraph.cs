using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Graph.Tests;

/// <summary>The Graph simulator on a loopback port and our Graph adapter, wired as in the hosts, pointed at it.</summary>
public sealed class SimulatedGraph : IAsyncLifetime
{
    public WebApplication Simulator { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public RequestRecorder Recorder { get; } = new();

    /// <summary>The demo tenant's directory; a test may change its privacy policy.</summary>
    public FixedDirectoryStore Directories { get; } = new();

    public string BaseUrl => Simulator.Urls.First();

    public async Task InitializeAsync()
    {
        Simulator = SimulatorApp.Build(new SimulatorOptions { Urls = "http://127.0.0.1:0", Clock = TestClock.Provider, Days = 3 });
        await Simulator.StartAsync();

        // Items are written to the mailboxes; with no subscription yet, nobody is notified.
        await Simulator.Services.GetRequiredService<Player>().PlayAsync(null, CancellationToken.None);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = $"{BaseUrl}/v1.0",
            ["Graph:Authentication"] = "None",
            ["Sync:PageSize"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSalesFunctionsGraph(configuration);
        services.AddSingleton(TestClock.Provider);
        services.AddSingleton<Core.Tenants.ITenantDirectoryStore>(Directories);
        services.AddSingleton<Core.Tenants.TenantDirectoryCache>();
        services.AddOptions<Core.Sync.SyncOptions>().Bind(configuration.GetSection(Core.Sync.SyncOptions.Section));
        services.Configure<HttpClientFactoryOptions>(GraphServiceClients.HttpClientName,
            options => options.HttpMessageHandlerBuilderActions.Add(builder => builder.AdditionalHandlers.Add(Recorder)));
        Services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulator.StopAsync();
        await Simulator.DisposeAsync();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public MailboxStore Mailboxes => Simulator.Services.GetRequiredService<MailboxStore>();
}
