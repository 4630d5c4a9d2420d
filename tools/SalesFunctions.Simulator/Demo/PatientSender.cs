namespace SalesFunctions.Simulator.Demo;

/// <summary>
/// Retries a request on a refused connection, 408, 429 and 5xx with back-off for up to <see cref="Patience"/>, as
/// HubSpot and Salesforce retry a webhook that failed: in a chaos run the Host is killed and restarted under the
/// driver, and nothing it sends may be lost for that. Webhooks are idempotent (the Host de-duplicates them), so a
/// request that was processed but whose answer was lost may be sent again.
/// </summary>
public sealed class PatientSender(TimeProvider time) : DelegatingHandler
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>How many requests needed more than one attempt.</summary>
    public int Retried => _retried;

    private int _retried;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The body is read once so that every attempt sends the same bytes.
        if (request.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken);
        }

        var started = time.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            var last = time.GetElapsedTime(started) > Patience;
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (last || (int)response.StatusCode is not (408 or 429 or >= 500))
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException) when (!last)
            {
                // Refused or reset while the Host restarts: tried again below.
            }

            if (attempt == 0)
            {
                Interlocked.Increment(ref _retried);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, attempt))), time, cancellationToken);
        }
    }
}
