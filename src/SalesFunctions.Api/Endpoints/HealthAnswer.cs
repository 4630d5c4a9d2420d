namespace SalesFunctions.Api.Endpoints;

/// <summary>A probe's answer: Healthy, Degraded or Unhealthy overall, and each check (none for liveness).</summary>
public sealed record HealthAnswer(string Status, IReadOnlyList<HealthCheckAnswer> Checks);
