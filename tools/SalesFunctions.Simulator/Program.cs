using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Simulator;
using SalesFunctions.Simulator.Demo;
using SalesFunctions.Simulator.Organisation;

// serve: the Graph simulator alone. demo: the simulator, driving the demo against a running Host. demo --chaos: the
// same with Graph throttling now and then and senders as patient as the real ones (scripts/chaos.sh kills the Host).
var command = args.FirstOrDefault() ?? "serve";
var chaos = args.Contains("--chaos");
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var options = new SimulatorOptions
{
    Urls = Option("--urls") ?? "http://127.0.0.1:7072",
    Seed = int.Parse(Option("--seed") ?? "42", CultureInfo.InvariantCulture),
    Volume = double.Parse(Option("--volume") ?? "1", CultureInfo.InvariantCulture),
    PatientSenders = chaos,
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
    var patient = chaos ? new PatientSender(TimeProvider.System) { InnerHandler = new SocketsHttpHandler() } : null;
    using var host = patient is null ? new HttpClient() : new HttpClient(patient) { Timeout = PatientSender.Patience + TimeSpan.FromMinutes(1) };
    host.BaseAddress = new Uri((Option("--host") ?? "http://127.0.0.1:7071").TrimEnd('/') + "/");
    await using var faults = chaos ? new GraphFaultLoop(app.Services.GetRequiredService<SalesFunctions.Simulator.Graph.FaultInjector>(), options.Seed) : null;
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

    if (faults is not null)
    {
        Console.WriteLine($"chaos: Graph throttled in {faults.Bursts} bursts; {patient!.Retried} requests to the Host needed more than one attempt");
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
