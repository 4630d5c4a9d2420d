using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core;
using SalesFunctions.Graph;
using SalesFunctions.Host.Dashboard;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Api.SignIn;
using SalesFunctions.Host.Triggers;
using SalesFunctions.Storage;

namespace SalesFunctions.Host;

public static class HostSetup
{
    /// <summary>Registers the same Core services and adapters as the Functions app, plus the Host's trigger runtime.</summary>
    public static WebApplicationBuilder AddSalesFunctionsHost(this WebApplicationBuilder builder)
    {
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        var services = builder.Services;
        var listeners = builder.Configuration.GetSection(ListenerOptions.Section).Get<ListenerOptions>()?.Enabled ?? true;
        services.AddSingleton(hostJson);
        services.AddProblemDetails();
        services.AddSalesFunctionsCore();
        services.AddSalesFunctionsStorage(builder.Configuration);
        services.AddSalesFunctionsGraph(builder.Configuration);
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.Section);
        services.AddSalesFunctionsSignIn(builder.Environment);
        services.AddDashboard(builder.Environment);
        services.AddSalesFunctionsTelemetry(builder.Configuration);
        services.AddSalesFunctionsHealth(listeners);
        services.AddSalesFunctionsOpenApi();
        ConfigureTrustedProxies(services, builder.Configuration);
        // Container Apps and Flex Consumption give an instance about 30 s after SIGTERM: stop within 10, storage
        // reachable or not. The queue listeners drain for 6 s, then release what still runs for redelivery.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<IQueueTrigger, CaptureTrigger>();
        services.AddSingleton<IQueueTrigger, ScoreTrigger>();
        services.AddSingleton<IQueueTrigger, LifecycleTrigger>();
        services.AddSingleton<IQueueTrigger, SyncTrigger>();
        services.AddSingleton<IQueueTrigger, CrmTrigger>();
        services.AddSingleton<IQueueTrigger, RematchTrigger>();
        services.AddSingleton<IQueueTrigger, RollupTrigger>();
        services.AddSingleton<ITimerTrigger, KpiRollupTrigger>();
        services.AddSingleton<ITimerTrigger, SubscriptionRenewalTrigger>();
        services.AddSingleton<ITimerTrigger, DeltaSweepTrigger>();
        services.AddSingleton<ITimerTrigger, TraceRetentionTrigger>();
        services.AddSingleton<ITimerTrigger, PoisonMonitorTrigger>();
        services.AddSingleton<ITimerTrigger, PstnSweepTrigger>();

        services.AddHostedService<StorageStartup>();
        if (listeners)
        {
            services.AddSingleton<IHostedService>(sp => new ListenerGroup(sp));
        }

        return builder;
    }

    /// <summary>
    /// X-Forwarded-For, -Proto, -Host and -Prefix are honoured only from the proxies listed in Http:TrustedProxies (IP
    /// addresses), and not at all when none is listed: anyone else could forge the URL a webhook signature covers.
    /// </summary>
    private static void ConfigureTrustedProxies(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = TrustedProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
    }

    private static List<IPAddress> TrustedProxies(IConfiguration configuration) =>
        [.. (configuration.GetSection("Http:TrustedProxies").Get<string[]>() ?? []).Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"Http:TrustedProxies: '{p}' is not an IP address."))];

    /// <summary>Maps every HTTP function of <see cref="FunctionRegistry"/> under host.json's route prefix.</summary>
    public static WebApplication MapSalesFunctions(this WebApplication app)
    {
        var hostJson = app.Services.GetRequiredService<HostJson>();
        if (TrustedProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var signIn = app.Services.GetRequiredService<IOptions<SignInOptions>>().Value;
        if (signIn.DevelopmentIssuer.Enabled)
        {
            app.MapDevelopmentIssuer(signIn);
        }

        app.MapDashboard();
        app.MapOpenApi();
        if (SignInSetup.DevelopmentEnvironments.Contains(app.Environment.EnvironmentName))
        {
            app.MapScalarApiReference();
        }

        var api = app.MapGroup("/" + hostJson.RoutePrefix);
        var guard = app.Services.GetRequiredService<RouteGuard>();
        foreach (var function in FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http))
        {
            // No route without the access rule of its registry entry, and none without its guard.
            if (function.Access is null)
            {
                throw new InvalidOperationException($"{function.Name} has no access rule in the function registry.");
            }

            api.MapMethods(function.Route!, function.Methods!, function.Handler!).WithName(function.Name)
                .AddEndpointFilter(new RouteGuardFilter(guard, function));
        }

        return app;
    }
}
