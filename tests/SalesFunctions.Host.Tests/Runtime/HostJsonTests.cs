using SalesFunctions.Host.Runtime;

namespace SalesFunctions.Host.Tests.Runtime;

public sealed class HostJsonTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");

    [Fact]
    public void Load_WhenRepositoryHostJson_ReadsQueueSettingsAndRoutePrefix()
    {
        // The Host must apply the very file the Functions app ships with.
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(16, hostJson.Queues.BatchSize);
        Assert.Equal(8, hostJson.Queues.EffectiveNewBatchThreshold);
        Assert.Equal(5, hostJson.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(2), hostJson.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), hostJson.Queues.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(10), hostJson.FunctionTimeout);
    }

    [Fact]
    public void Load_WhenSettingsAbsent_UsesFunctionsDefaults()
    {
        File.WriteAllText(_path, """{ "version": "2.0" }""");

        var hostJson = HostJson.Load(_path);

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.Equal(16, hostJson.Queues.BatchSize);
        Assert.Equal(8 * Environment.ProcessorCount, hostJson.Queues.EffectiveNewBatchThreshold);
        Assert.Equal(5, hostJson.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(1), hostJson.Queues.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, hostJson.Queues.VisibilityTimeout);
    }

    [Fact]
    public void Load_WhenKeysDifferInCase_ReadsThemLikeTheFunctionsHost()
    {
        File.WriteAllText(_path, """{ "Extensions": { "Queues": { "BatchSize": 4, "MaxDequeueCount": 2 }, "HTTP": { "RoutePrefix": "v1" } } }""");

        var hostJson = HostJson.Load(_path);

        Assert.Equal(4, hostJson.Queues.BatchSize);
        Assert.Equal(2, hostJson.Queues.MaxDequeueCount);
        Assert.Equal("v1", hostJson.RoutePrefix);
    }

    [Theory]
    [InlineData("""{ "extensions": { "queues": { "batchSize": 33 } } }""")]
    [InlineData("""{ "extensions": { "queues": { "maxDequeueCount": 0 } } }""")]
    [InlineData("""{ "extensions": { "queues": { "messageEncoding": "none" } } }""")]
    [InlineData("""{ "extensions": { "queues": { "maxPollingInterval": "00:00:00.050" } } }""")]
    public void Load_WhenQueueSettingsOutOfRange_ThrowsNamingTheFile(string json)
    {
        File.WriteAllText(_path, json);

        var error = Assert.Throws<InvalidOperationException>(() => HostJson.Load(_path));

        Assert.Contains(_path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);
}
