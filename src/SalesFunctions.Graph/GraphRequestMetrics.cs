using SalesFunctions.Core;

namespace SalesFunctions.Graph;

/// <summary>
/// Counts every HTTP attempt to Graph, the SDK's retries included (it sits inside the retry handler), by status class
/// and whether Graph throttled it. Graph URLs name mailboxes: nothing of the request is tagged but its outcome.
/// </summary>
public sealed class GraphRequestMetrics(SalesFunctionsMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            metrics.GraphRequests.Add(1, new KeyValuePair<string, object?>("status_class", $"{status / 100}xx"),
                new KeyValuePair<string, object?>("throttled", status is 429 or 503));
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.GraphRequests.Add(1, new KeyValuePair<string, object?>("status_class", "none"), new KeyValuePair<string, object?>("throttled", false));
            throw;
        }
    }
}
