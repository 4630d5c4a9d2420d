using Azure.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Graph;

/// <summary>
/// Readiness of Graph: an app-only token can be obtained for each tenant that has subscriptions (at most
/// <see cref="MaxTenants"/>), with the configured secret or certificate. The result is kept for
/// <see cref="ResultLifetime"/>: probes come every few seconds, and a token check asks Entra ID. With
/// Graph:Authentication None (a loopback simulator) there is no credential to check.
/// </summary>
public sealed class GraphTokenHealthCheck(GraphServiceClients graph, ISubscriptionStore subscriptions, IOptions<GraphOptions> options, TimeProvider time) : IHealthCheck
{
    public const string Name = "graph-token";

    public const int MaxTenants = 5;

    public static readonly TimeSpan ResultLifetime = TimeSpan.FromMinutes(5);

    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Authentication == GraphAuthentication.None)
        {
            return HealthCheckResult.Healthy("Graph:Authentication is None: no credential to check");
        }

        if (_last is { } last && time.GetUtcNow() - last.At < ResultLifetime)
        {
            return last.Result;
        }

        var result = await CheckTokensAsync(cancellationToken);
        _last = (time.GetUtcNow(), result);
        return result;
    }

    private async Task<HealthCheckResult> CheckTokensAsync(CancellationToken cancellationToken)
    {
        var tenants = (await subscriptions.ListAllAsync(cancellationToken)).Select(s => s.TenantId).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTenants).ToList();
        var failed = 0;
        foreach (var tenant in tenants)
        {
            try
            {
                await graph.CredentialFor(tenant).GetTokenAsync(new TokenRequestContext(GraphServiceClients.Scopes), cancellationToken);
            }
            catch (Azure.Identity.AuthenticationFailedException)
            {
                failed++;
            }
        }

        return failed == 0
            ? HealthCheckResult.Healthy($"token obtained for {tenants.Count} tenants")
            : HealthCheckResult.Unhealthy($"no token for {failed} of {tenants.Count} tenants: check Graph:ClientId and the secret or certificate");
    }
}
