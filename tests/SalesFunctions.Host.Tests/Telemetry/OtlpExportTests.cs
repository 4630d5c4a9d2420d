using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SalesFunctions.Host.Tests.Telemetry;

/// <summary>
/// OTEL_EXPORTER_OTLP_ENDPOINT set: the Host sends its spans and metrics over OTLP http/protobuf to a collector, here a
/// small HTTP listener in the test that keeps what each path received.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Host_WhenOtlpEndpointIsSet_SendsSpansAndMetricsAsHttpProtobuf()
    {
        var received = new ConcurrentBag<(string Path, string? ContentType, byte[] Body)>();
        var collectorUrl = HostUnderTest.FreeLoopbackUrl();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls(collectorUrl);
        await using var collector = collectorBuilder.Build();
        collector.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Add((request.Path, request.ContentType, body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();

        var host = await HostUnderTest.StartAsync(new Dictionary<string, string?> { [HostTelemetry.OtlpEndpointSetting] = collectorUrl });
        await using (host)
        {
            using var client = host.AnonymousClient();
            using var answer = await client.PostAsJsonAsync("/api/graph/notifications", new { value = Array.Empty<object>() });
            answer.EnsureSuccessStatusCode();
        }

        // Disposing the Host flushes its exporters.
        var traces = received.Where(r => r.Path == "/v1/traces").ToList();
        var metrics = received.Where(r => r.Path == "/v1/metrics").ToList();
        Assert.NotEmpty(traces);
        Assert.NotEmpty(metrics);
        Assert.All(traces.Concat(metrics), r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.Contains(traces, r => Contains(r.Body, "graph notifications") && Contains(r.Body, HostTelemetry.ServiceName));
        Assert.Contains(metrics, r => Contains(r.Body, "salesfunctions.graph.notifications.ack_latency"));
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
