using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Queues;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Storage;

namespace SalesFunctions.Host.Tests.Health;

/// <summary>
/// The probes of the real Host, called without credentials as Container Apps and the Function app's health check call
/// them: liveness answers whatever storage does; readiness names every check, and answers 503 naming the one that
/// fails when storage lacks a queue or cannot be reached at all.
/// </summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Ready_WhenStorageAndListenersAreUp_Answers200NamingEachCheck()
    {
        await using var host = await HostUnderTest.StartAsync(new Dictionary<string, string?> { ["Listeners:Enabled"] = "true" });
        using var client = host.AnonymousClient();

        var live = await client.GetFromJsonAsync<HealthAnswer>("/api/health");
        using var response = await client.GetAsync("/api/health/ready");
        var ready = await response.Content.ReadFromJsonAsync<HealthAnswer>();

        Assert.Equal("Healthy", live!.Status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = new[] { "storage", "graph-token" }
            .Concat(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Queue).Select(f => $"listener {f.Name}"))
            .Concat(FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Timer).Select(f => $"timer {f.Name}"));
        Assert.Equal(expected.Order(), ready!.Checks.Select(c => c.Name).Order());
        Assert.All(ready.Checks.Where(c => c.Name != "timer KpiRollup"), c => Assert.Equal("Healthy", c.Status));
        Assert.StartsWith("10 tables", ready.Checks.Single(c => c.Name == "storage").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WhenAQueueIsMissing_Answers503NamingStorageAndTheQueue()
    {
        await using var host = await HostUnderTest.StartAsync();
        await host.Service<StorageQueues>().GetQueue(QueueNames.Score).DeleteAsync();
        using var client = host.AnonymousClient();

        using var response = await client.GetAsync("/api/health/ready");
        var ready = await response.Content.ReadFromJsonAsync<HealthAnswer>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var storage = Assert.Single(ready!.Checks, c => c.Status == "Unhealthy");
        Assert.Equal(("storage", "missing: queue score"), (storage.Name, storage.Description));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Ready_WhenStorageCannotBeReached_Answers503NamingStorageWithoutItsAddress()
    {
        var closed = HostUnderTest.FreeLoopbackUrl();
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint={closed}/devstoreaccount1;QueueEndpoint={closed}/devstoreaccount1;TableEndpoint={closed}/devstoreaccount1;";
        // The Host would not start at all without its tables: this one skips creating them, as if storage went away later.
        await using var host = await HostUnderTest.StartAsync(new Dictionary<string, string?> { ["Storage:ConnectionString"] = unreachable, ["Storage:RequestTimeout"] = "00:00:01" },
            services: services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StorageStartup))));
        using var client = host.AnonymousClient();

        using var response = await client.GetAsync("/api/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        var ready = System.Text.Json.JsonSerializer.Deserialize<HealthAnswer>(body, System.Text.Json.JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", ready!.Checks.Single(c => c.Name == "storage").Status);
        Assert.Equal("Healthy", ready.Checks.Single(c => c.Name == "graph-token").Status);
        Assert.DoesNotContain(closed.Split(':')[^1], body, StringComparison.Ordinal);
        Assert.DoesNotContain("devstoreaccount1", body, StringComparison.Ordinal);
    }
}
