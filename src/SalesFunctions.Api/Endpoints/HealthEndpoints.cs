using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesFunctions.Api.Endpoints;

/// <summary>
/// The probes of both hosts. Readiness answers every check by name, state, description and duration: the checks write
/// their descriptions from fixed text and numbers (ages, counts, logical names), and an exception is reported by its
/// type only, since exception messages can name accounts, URLs or addresses. That is why the answer may be anonymous.
/// </summary>
public static class HealthEndpoints
{
    public static IResult Live() => Results.Json(new HealthAnswer(nameof(HealthStatus.Healthy), []));

    public static async Task<IResult> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(health);
        var report = await health.CheckHealthAsync(cancellationToken);
        var checks = report.Entries.Select(e => new HealthCheckAnswer(e.Key, e.Value.Status.ToString(),
            e.Value.Exception is { } failure && e.Value.Description == failure.Message ? $"failed ({failure.GetType().Name})" : e.Value.Description,
            Math.Round(e.Value.Duration.TotalMilliseconds))).ToList();
        return Results.Json(new HealthAnswer(report.Status.ToString(), checks),
            statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
