using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using SalesFunctions.Core.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests;

/// <summary>Both hosts serve exactly the functions of the one registry.</summary>
public sealed partial class FunctionRegistryCoverageTests : IAsyncLifetime
{
    private HostUnderTest _host = null!;

    public async Task InitializeAsync() => _host = await HostUnderTest.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Host_WhenStarted_ServesEveryRegistryEntry()
    {
        var endpoints = _host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Route: e.RoutePattern.RawText?.TrimStart('/'),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();
        foreach (var function in FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http))
        {
            var endpoint = Assert.Single(endpoints, e => e.Name == function.Name);
            Assert.Equal($"api/{function.Route}", endpoint.Route);
            Assert.Equal(function.Methods!, endpoint.Methods);
        }

        Assert.Equal(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Queue).Select(f => f.Name).Order(),
            _host.App.Services.GetServices<IQueueTrigger>().Select(t => t.Definition.Name).Order());
        Assert.Equal(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Timer).Select(f => f.Name).Order(),
            _host.App.Services.GetServices<ITimerTrigger>().Select(t => t.Definition.Name).Order());
    }

    [Fact]
    public void FunctionsApp_WhenItsSourceIsRead_DeclaresEveryRegistryEntryWithTheSameTrigger()
    {
        // The Functions project cannot be compiled here (docs/adr/0002); its attributes are checked as text instead.
        var triggers = Path.Combine(Fixtures.RepositoryRoot, "src", "SalesFunctions.Functions", "Triggers");
        var declared = Directory.GetFiles(triggers, "*.cs").Select(File.ReadAllText).Select(Declaration).ToDictionary(d => d.Name);
        Assert.Equal(FunctionRegistry.All.Select(f => f.Name).Order(), declared.Keys.Order());
        foreach (var function in FunctionRegistry.All)
        {
            var found = declared[function.Name];
            switch (function.Trigger)
            {
                case TriggerKind.Http:
                    Assert.Equal(function.Route, found.Route);
                    Assert.Equal(function.Methods!.Select(m => m.ToLowerInvariant()), [found.Method!]);
                    break;
                case TriggerKind.Queue:
                    Assert.Equal(function.Queue, typeof(QueueNames).GetField(found.Queue!)!.GetValue(null));
                    break;
                default:
                    Assert.Equal($"%{function.ScheduleSetting}%", found.Schedule);
                    break;
            }
        }
    }

    private static (string Name, string? Route, string? Method, string? Queue, string? Schedule) Declaration(string source)
    {
        var name = FunctionName().Match(source).Groups[1].Value;
        var http = HttpTrigger().Match(source);
        var queue = QueueTrigger().Match(source);
        var timer = TimerTrigger().Match(source);
        return (name, http.Success ? http.Groups[2].Value : null, http.Success ? http.Groups[1].Value : null,
            queue.Success ? queue.Groups[1].Value : null, timer.Success ? timer.Groups[1].Value : null);
    }

    [GeneratedRegex(@"\[Function\(nameof\(FunctionRegistry\.(\w+)\)\)\]")]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"\[HttpTrigger\(AuthorizationLevel\.\w+, ""(\w+)"", Route = ""([^""]+)""\)\]")]
    private static partial Regex HttpTrigger();

    [GeneratedRegex(@"\[QueueTrigger\(QueueNames\.(\w+)\)\]")]
    private static partial Regex QueueTrigger();

    [GeneratedRegex(@"\[TimerTrigger\(""([^""]+)""\)\]")]
    private static partial Regex TimerTrigger();
}
