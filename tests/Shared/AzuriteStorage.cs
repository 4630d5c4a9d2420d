using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SalesFunctions.Storage;

namespace SalesFunctions.Tests.Shared;

/// <summary>
/// The Azurite instance the integration tests talk to. scripts/test.sh starts it and sets SALESFUNCTIONS_TEST_STORAGE;
/// without the variable the default Azurite ports are used. Each test gets its own name prefix, so tests running in
/// parallel never share a table or queue.
/// </summary>
public static class AzuriteStorage
{
    private const string DefaultConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private static readonly Lazy<string> Checked = new(() =>
    {
        var connectionString = Environment.GetEnvironmentVariable("SALESFUNCTIONS_TEST_STORAGE") is { Length: > 0 } configured
            ? configured
            : DefaultConnectionString;
        var queueEndpoint = new Uri(connectionString.Split(';').First(p => p.StartsWith("QueueEndpoint=", StringComparison.Ordinal))["QueueEndpoint=".Length..]);
        try
        {
            using var probe = new TcpClient();
            probe.Connect(queueEndpoint.Host, queueEndpoint.Port);
        }
        catch (SocketException)
        {
            throw new InvalidOperationException("Azurite is not running: start it with scripts/azurite.sh start (scripts/test.sh does this).");
        }

        return connectionString;
    });

    public static string ConnectionString => Checked.Value;

    /// <summary>A fresh prefix: lowercase letters and digits, starting with a letter.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Configuration for the storage adapters, isolated under <paramref name="prefix"/>.</summary>
    public static Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["Storage:ConnectionString"] = ConnectionString,
        ["Storage:Prefix"] = prefix,
    };

    /// <summary>A service provider with the storage adapters registered and every table, queue and container created.</summary>
    public static async Task<ServiceProvider> CreateServicesAsync(string prefix, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(prefix)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSalesFunctionsStorage(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }
}
