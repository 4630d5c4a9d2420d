using System.Globalization;
using Microsoft.Kiota.Abstractions;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Graph;

/// <summary>
/// The SDK's retry handler honours Retry-After on 429, 503 and 504 a few times, then gives up with an
/// AggregateException of the answers it got. When every one of them was throttling, the request is to be made again
/// later: <see cref="GraphThrottledException"/>, with Graph's last Retry-After.
/// </summary>
internal static class GraphThrottling
{
    public static bool IsThrottling(Exception e) => Answers(e) is { Count: > 0 } answers && answers.All(a => a.ResponseStatusCode is 429 or 503 or 504);

    public static GraphThrottledException Throttled(Exception e)
    {
        var last = Answers(e)[^1];
        return new GraphThrottledException($"Graph answered {last.ResponseStatusCode} after the SDK's retries.", e) { RetryAfter = RetryAfter(last) };
    }

    private static List<ApiException> Answers(Exception e) => e switch
    {
        AggregateException aggregate => [.. aggregate.InnerExceptions.OfType<ApiException>()],
        ApiException api => [api],
        _ => [],
    };

    private static TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault() is { } value
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
