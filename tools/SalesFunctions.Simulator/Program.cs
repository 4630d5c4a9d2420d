using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Organisation;

// serve: the Graph simulator alone. demo: the simulator, driving the demo against a running Host.
var command = args.FirstOrDefault() ?? "serve";
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var options = new SimulatorOptions
{
    Urls = Option("--urls") ?? "http://127.0.0.1:7072",
    Seed = int.Parse(Option("--seed") ?? "42", CultureInfo.InvariantCulture),
    Volume = double.Parse(Option("--volume") ?? "1", CultureInfo.InvariantCulture),
};
if (Option("--first-day") is { } firstDay)
{
    options = options with { FirstDay = DateOnly.ParseExact(firstDay, "yyyy-MM-dd", CultureInfo.InvariantCulture) };
}


if (Console.IsOutputRedirected)
{
    // Piped output has no terminal width; keep the tables readable in logs.
    Spectre.Console.AnsiConsole.Profile.Width = 140;
}

var app = SimulatorApp.Build(options);
await app.StartAsync();
Console.WriteLine($"Graph simulator listening on {string.Join(", ", app.Urls)}; simulated days {options.FirstDay:yyyy-MM-dd} to {options.FirstDay.AddDays(options.Days - 1):yyyy-MM-dd}");
if (command == "demo")
{
    using var host = new HttpClient { BaseAddress = new Uri((Option("--host") ?? "http://127.0.0.1:7071").TrimEnd('/') + "/") };
    // The demo Host's development issuer signs the driver in as the demo tenant's admin (docs/security.md).
    var signIn = await host.GetFromJsonAsync<JsonElement>($"dev/token?tenant={DemoOrganisation.TenantId}&role=admin");
    host.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", signIn.GetProperty("accessToken").GetString());
    var timeout = TimeSpan.FromSeconds(int.Parse(Option("--timeout") ?? "240", CultureInfo.InvariantCulture));
    bool ok;
    try
    {
        // SIGTERM and Ctrl+C stop the application, which cancels the drive at once.
        ok = await new DemoDriver(host, app, timeout).RunAsync(app.Lifetime.ApplicationStopping);
    }
    catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
    {
        Console.Error.WriteLine("demo: stopped");
        await app.StopAsync();
        return 143;
    }
    catch (Exception e) when (e is TimeoutException or HttpRequestException or InvalidOperationException)
    {
        Console.Error.WriteLine($"demo: {e.Message}");
        ok = false;
    }

    if (args.Contains("--once") || !ok)
    {
        await app.StopAsync();
        return ok ? 0 : 1;
    }

    Console.WriteLine("Serving; press Ctrl+C to stop.");
}

await app.WaitForShutdownAsync();
return 0;
