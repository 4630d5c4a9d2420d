using Microsoft.Extensions.Options;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core;
using SalesFunctions.Graph;
using SalesFunctions.Host.Runtime;
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
        services.AddSingleton(hostJson);
        services.AddProblemDetails();
        services.AddSalesFunctionsCore();
        services.AddSalesFunctionsStorage(builder.Configuration);
        services.AddSalesFunctionsGraph(builder.Configuration);
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.Section);
        services.AddSingleton<AdminKeyFilter>();

        services.AddSingleton<IQueueTrigger, CaptureTrigger>();
        services.AddSingleton<IQueueTrigger, ScoreTrigger>();
        services.AddSingleton<IQueueTrigger, LifecycleTrigger>();
        services.AddSingleton<IQueueTrigger, SyncTrigger>();
        services.AddSingleton<IQueueTrigger, CrmTrigger>();
        services.AddSingleton<IQueueTrigger, RematchTrigger>();
        services.AddSingleton<ITimerTrigger, KpiRollupTrigger>();
        services.AddSingleton<ITimerTrigger, SubscriptionRenewalTrigger>();
        services.AddSingleton<ITimerTrigger, DeltaSweepTrigger>();
        services.AddSingleton<ITimerTrigger, TraceRetentionTrigger>();
        services.AddSingleton<ITimerTrigger, PoisonMonitorTrigger>();

        services.AddHostedService<StorageStartup>();
        if (builder.Configuration.GetSection(ListenerOptions.Section).Get<ListenerOptions>()?.Enabled ?? true)
        {
            services.AddSingleton<IHostedService>(sp => new ListenerGroup(sp));
        }

        return builder;
    }

    /// <summary>Maps every HTTP function of <see cref="FunctionRegistry"/> under host.json's route prefix.</summary>
    public static WebApplication MapSalesFunctions(this WebApplication app)
    {
        var hostJson = app.Services.GetRequiredService<HostJson>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapGroup("/" + hostJson.RoutePrefix);
        foreach (var function in FunctionRegistry.All.Where(f => f.Trigger == TriggerKind.Http))
        {
            var endpoint = api.MapMethods(function.Route!, function.Methods!, function.Handler!).WithName(function.Name);
            if (function.AdminOnly)
            {
                endpoint.AddEndpointFilter<AdminKeyFilter>();
            }
        }

        return app;
    }
}
