namespace SalesFunctions.Api.Endpoints;

/// <summary>One readiness check: its name (storage, graph-token, listener Capture, timer KpiRollup, ...), state and what it found.</summary>
public sealed record HealthCheckAnswer(string Name, string Status, string? Description, double DurationMs);
