using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Graph;
using SalesFunctions.Simulator.Organisation;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Dashboard;

/// <summary>
/// Demo-like data for the browser tests, made once: the demo organisation (21 reps, 3 teams, territories,
/// qualification) through the real pipeline for 3 simulated days at half the demo's volume (CI runs it next to the
/// other end-to-end classes on 2 cores), a Host serving the built dashboard, and Debian's headless chromium driven by
/// Playwright.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private WebApplication _simulator = null!;
    private IPlaywright _playwright = null!;

    public HostUnderTest Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public SimulatorOptions Simulated { get; } = new() { Urls = "http://127.0.0.1:0", Clock = TestClock.Provider, Days = 3, Volume = 0.5 };

    /// <summary>A day inside the simulated days: the views are opened on the month that holds it.</summary>
    public DateOnly Day => Simulated.FirstDay.AddDays(1);

    /// <summary>Measurements of the run, written to artifacts/dashboard/report.md when the tests end.</summary>
    public DashboardReport Report { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run scripts/chromium.sh (scripts/test.sh does).");
        }

        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")))
        {
            throw new InvalidOperationException("The dashboard is not built: run scripts/dashboard.sh, then build the tests again (scripts/test.sh does both).");
        }

        _simulator = SimulatorApp.Build(Simulated);
        await _simulator.StartAsync();
        Host = await HostUnderTest.StartAgainstSimulatorAsync(_simulator, new Dictionary<string, string?> { ["Dashboard:Tenant"] = DemoOrganisation.TenantId });
        var driver = new DemoDriver(Host.Client, _simulator, TimeSpan.FromMinutes(5));
        await driver.ImportAndSubscribeAsync(CancellationToken.None);
        await _simulator.Services.GetRequiredService<Player>().PlayAsync(null, CancellationToken.None);
        await driver.WaitForRollupAsync(progress: false, CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A page signed in through the dashboard's development switcher as one persona.</summary>
    public async Task<IPage> PageAsAsync(string persona)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BaseURL = Host.BaseAddress.ToString() });
        await context.AddInitScriptAsync($"sessionStorage.setItem('salesfunctions.persona', '{persona}');");
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        Report.Write(Path.Combine(Fixtures.RepositoryRoot, "artifacts", "dashboard"));
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
