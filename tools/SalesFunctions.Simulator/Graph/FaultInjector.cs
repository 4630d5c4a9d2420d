namespace SalesFunctions.Simulator.Graph;

/// <summary>Makes the next N Graph requests fail the way Graph throttles: 429 or 503 with Retry-After.</summary>
public sealed class FaultInjector
{
    private int _remaining;

    public int Status { get; private set; } = 429;

    public int RetryAfterSeconds { get; private set; } = 1;

    public void Arm(int requests, int status, int retryAfterSeconds)
    {
        Status = status;
        RetryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _remaining, requests);
    }

    public bool TryTake() => Interlocked.Decrement(ref _remaining) >= 0;
}
