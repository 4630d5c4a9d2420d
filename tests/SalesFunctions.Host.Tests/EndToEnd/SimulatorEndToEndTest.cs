using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.EndToEnd;

/// <summary>
/// What every end-to-end class sets up before each test: the Graph simulator over its simulated days, a Host against it
/// (<see cref="HostUnderTest.StartAgainstSimulatorAsync"/>) with the class's own settings, and the demo driver that
/// imports, plays and compares with the ground truth.
/// </summary>
/// <param name="simulated">The simulator's days and volume; <see cref="Days"/> for the usual ones.</param>
/// <param name="settings">The Host's settings over the end-to-end deployment's.</param>
public abstract class SimulatorEndToEndTest(SimulatorOptions simulated, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private string _hostUrl = null!;

    protected WebApplication Simulator { get; private set; } = null!;

    protected HostUnderTest Host { get; private set; } = null!;

    protected DemoDriver Driver { get; private set; } = null!;

    /// <summary>A simulator of that many days up to the test clock's today, on a free loopback port.</summary>
    protected static SimulatorOptions Days(int days) => new() { Urls = "http://127.0.0.1:0", Clock = TestClock.Provider, Days = days };

    public virtual async Task InitializeAsync()
    {
        Simulator = SimulatorApp.Build(simulated);
        await Simulator.StartAsync();
        _hostUrl = HostUnderTest.FreeLoopbackUrl();
        await StartHostAsync(prefix: null);
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.StopAsync();
        await Simulator.DisposeAsync();
    }

    /// <summary>More services for the Host after its own (a test's telemetry exporter).</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>Stops the Host gracefully, as a deployment that scales in; gives the storage prefix to restart it on.</summary>
    protected async Task<string> StopHostAsync()
    {
        var prefix = Host.Prefix;
        await Host.DisposeAsync();
        return prefix;
    }

    /// <summary>Starts the Host on the given storage, or fresh storage when null, at the URL the simulator's subscriptions point to.</summary>
    protected async Task StartHostAsync(string? prefix)
    {
        Host = await HostUnderTest.StartAgainstSimulatorAsync(Simulator, settings, _hostUrl, prefix, AddServices);
        Driver = new DemoDriver(Host.Client, Simulator, TimeSpan.FromMinutes(3));
    }
}
