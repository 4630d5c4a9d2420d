using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Host.Tests.Runtime;

/// <summary>
/// A TCP forwarder between a Host and Azurite, one port per storage service, that a test can cut: every open connection
/// drops and new ones are refused, as when storage becomes unreachable.
/// </summary>
internal sealed partial class StorageLink : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly List<TcpClient> _connections = [];
    private readonly CancellationTokenSource _cut = new();
    private readonly List<Task> _accepting = [];

    private StorageLink(string connectionString) => ConnectionString = connectionString;

    /// <summary>The Azurite connection string with every endpoint pointing at this link.</summary>
    public string ConnectionString { get; }

    public static StorageLink Open()
    {
        var links = new List<(TcpListener Listener, int Target)>();
        var rewritten = EndpointPort().Replace(AzuriteStorage.ConnectionString, match =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            links.Add((listener, int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            return $"{match.Groups["name"].Value}=http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        });
        var link = new StorageLink(rewritten);
        foreach (var (listener, target) in links)
        {
            link._listeners.Add(listener);
            link._accepting.Add(link.AcceptAsync(listener, target));
        }

        return link;
    }

    /// <summary>Drops every connection and refuses new ones.</summary>
    public void Cut()
    {
        _cut.Cancel();
        _listeners.ForEach(l => l.Stop());
        lock (_connections)
        {
            _connections.ForEach(c => c.Dispose());
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await Task.WhenAll(_accepting);
        _cut.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, int targetPort)
    {
        try
        {
            while (!_cut.IsCancellationRequested)
            {
                var inbound = await listener.AcceptTcpClientAsync(_cut.Token);
                var outbound = new TcpClient();
                await outbound.ConnectAsync(IPAddress.Loopback, targetPort, _cut.Token);
                lock (_connections)
                {
                    _connections.Add(inbound);
                    _connections.Add(outbound);
                }

                _ = PipeAsync(inbound.GetStream(), outbound.GetStream());
                _ = PipeAsync(outbound.GetStream(), inbound.GetStream());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut.
        }
    }

    private async Task PipeAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, _cut.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Cut, or one side closed.
        }
    }

    [GeneratedRegex("(?<name>BlobEndpoint|QueueEndpoint|TableEndpoint)=http://127\\.0\\.0\\.1:(?<port>\\d+)/")]
    private static partial Regex EndpointPort();
}
