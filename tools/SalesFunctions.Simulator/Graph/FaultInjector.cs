namespace SalesFunctions.Simulator.Graph;

/// <summary>Makes the next N Graph requests fail the way Graph throttles: 429 or 503 with Retry-After.</summary>
public sealed class FaultInjector
{
    private int _remaining;

    public int Status { get; private set; } = 429;

    public int RetryAfterSeconds { get; private set; } = 1;

    /// <summary>Delta tokens carry the generation they were issued in; older ones answer 410 syncStateNotFound.</summary>
    public int DeltaGeneration { get; private set; }

    public void ExpireDeltaTokens() => DeltaGeneration++;

    public TimeSpan Latency { get; set; }

    public void Arm(int requests, int status, int retryAfterSeconds)
    {
        Status = status;
        RetryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _remaining, requests);
    }

    public bool TryTake() => Interlocked.Decrement(ref _remaining) >= 0;
}
