using System.Globalization;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Api.Endpoints;

/// <summary>
/// GET admin/poison: every poison queue's count and its oldest messages (ids, ages, attempts, sizes; never bodies).
/// POST admin/poison/{queue}/replay?max=N: after a fix, moves up to N (default 1000) messages back to their queue.
/// </summary>
public static class PoisonEndpoints
{
    private const int DefaultReplay = 1000;

    public static async Task<IResult> GetAsync(PoisonMonitor monitor, CancellationToken cancellationToken) =>
        Results.Ok(new { queues = await monitor.CheckAsync(cancellationToken) });

    public static async Task<IResult> ReplayAsync(string queue, HttpRequest request, PoisonMonitor monitor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!QueueNames.All.Contains(queue))
        {
            errors["queue"] = [$"Must be one of {string.Join(", ", QueueNames.All)}."];
        }

        var max = DefaultReplay;
        if (request.Query["max"] is { Count: > 0 } text && (!int.TryParse(text, CultureInfo.InvariantCulture, out max) || max is < 1 or > 100_000))
        {
            errors["max"] = ["max must be 1 to 100000."];
        }

        return errors.Count > 0
            ? Results.ValidationProblem(errors)
            : Results.Ok(new { queue, replayed = await monitor.ReplayAsync(queue, max, cancellationToken) });
    }
}
