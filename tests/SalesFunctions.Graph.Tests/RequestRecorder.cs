namespace SalesFunctions.Graph.Tests;

/// <summary>Records every request the Graph SDK sends, after its own retry handler, i.e. what goes on the wire.</summary>
public sealed class RequestRecorder : DelegatingHandler
{
    private readonly List<(HttpMethod Method, Uri Uri, int Status)> _requests = [];

    public IReadOnlyList<(HttpMethod Method, Uri Uri, int Status)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        lock (_requests)
        {
            _requests.Add((request.Method, request.RequestUri!, (int)response.StatusCode));
        }

        return response;
    }
}
