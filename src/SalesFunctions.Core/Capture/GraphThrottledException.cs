namespace SalesFunctions.Core.Capture;

/// <summary>
/// Graph still answered 429, 503 or 504 after the SDK's own retries: the read is to be tried again later (capture
/// defers its message), which is not a failure of the item.
/// </summary>
public sealed class GraphThrottledException : Exception
{
    public GraphThrottledException()
    {
    }

    public GraphThrottledException(string message)
        : base(message)
    {
    }

    public GraphThrottledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Graph's Retry-After on its last answer, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
