using SalesFunctions.Simulator.Graph;

namespace SalesFunctions.Simulator.Demo;

/// <summary>
/// Throttles the Host's Graph calls now and then for a chaos run: every 5 to 15 seconds, the next 5 to 20 requests
/// answer 429 or 503 with Retry-After, as Graph does under load. Stops when disposed.
/// </summary>
public sealed class GraphFaultLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly FaultInjector _faults;
    private readonly Task _loop;

    public GraphFaultLoop(FaultInjector faults, int seed)
    {
        _faults = faults;
        _loop = RunAsync(new Random(seed), _stop.Token);
    }

    /// <summary>How many bursts of faults were armed.</summary>
    public int Bursts { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        // Whatever is left of the last burst would throttle the checks that follow.
        _faults.Arm(0, 429, 1);
        _stop.Dispose();
    }

    private async Task RunAsync(Random random, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(random.Next(5, 16)), cancellationToken);
            _faults.Arm(random.Next(5, 21), random.Next(2) == 0 ? 429 : 503, random.Next(1, 3));
            Bursts++;
        }
    }
}
