using Microsoft.Extensions.Diagnostics.HealthChecks;
using SalesFunctions.Api.Functions;
using SalesFunctions.Graph;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Storage;

namespace SalesFunctions.Host;

/// <summary>The readiness checks of the Host: storage, the Graph token, and each queue and timer listener it runs.</summary>
public static class HostHealth
{
    /// <summary>Longer than Azure.Core's retries against an unreachable account take to give up, shorter than a probe's patience.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(8);

    public static IServiceCollection AddSalesFunctionsHealth(this IServiceCollection services, bool listeners)
    {
        services.AddSingleton<ListenerHeartbeats>();
        var checks = services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, timeout: CheckTimeout)
            .AddCheck<GraphTokenHealthCheck>(GraphTokenHealthCheck.Name, timeout: CheckTimeout);
        if (listeners)
        {
            foreach (var function in FunctionRegistry.All.Where(f => f.Trigger is TriggerKind.Queue or TriggerKind.Timer))
            {
                var name = $"{(function.Trigger == TriggerKind.Queue ? "listener" : "timer")} {function.Name}";
                checks.Add(new HealthCheckRegistration(name, sp => new ListenerHealthCheck(function, sp.GetRequiredService<ListenerHeartbeats>(),
                    sp.GetRequiredService<HostJson>(), sp.GetRequiredService<TimeProvider>()), failureStatus: null, tags: null, CheckTimeout));
            }
        }

        return services;
    }
}
