using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SalesFunctions.Core;
using SalesFunctions.Core.Functions;
using SalesFunctions.Graph;
using SalesFunctions.Host.Endpoints;
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
        ConfigureTrustedProxies(services, builder.Configuration);

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
        var api = app.MapGroup("/" + hostJson.RoutePrefix);
        Map(api, FunctionRegistry.GraphNotifications, GraphEndpoints.NotificationsAsync);
        Map(api, FunctionRegistry.GraphLifecycle, GraphEndpoints.LifecycleAsync);
        Map(api, FunctionRegistry.CrmWebhook, CrmEndpoints.AcceptAsync);
        Map(api, FunctionRegistry.GetKpis, KpiEndpoints.GetSeriesAsync);
        Map(api, FunctionRegistry.GetKpiLeaderboard, KpiEndpoints.GetLeaderboardAsync);
        Map(api, FunctionRegistry.CompareKpis, KpiEndpoints.ComparePreviousAsync);
        Map(api, FunctionRegistry.GetActivityVsPerformance, KpiEndpoints.GetActivityVsPerformanceAsync);
        Map(api, FunctionRegistry.ExportKpis, KpiEndpoints.ExportAsync);
        Map(api, FunctionRegistry.GetQualification, QualificationEndpoints.GetAsync);

        var admin = api.MapGroup(string.Empty).AddEndpointFilter<AdminKeyFilter>();
        Map(admin, FunctionRegistry.ImportDirectory, AdminEndpoints.ImportDirectoryJsonAsync);
        Map(admin, FunctionRegistry.ImportDirectoryCsv, AdminEndpoints.ImportDirectoryCsvAsync);
        Map(admin, FunctionRegistry.ImportKpiTargets, KpiTargetEndpoints.ImportAsync);
        Map(admin, FunctionRegistry.GetKpiTargets, KpiTargetEndpoints.GetAsync);
        Map(admin, FunctionRegistry.AddMailbox, AdminEndpoints.AddMailboxAsync);
        Map(admin, FunctionRegistry.RemoveMailbox, AdminEndpoints.RemoveMailboxAsync);
        Map(admin, FunctionRegistry.GetPrivacyPolicy, PrivacyEndpoints.GetAsync);
        Map(admin, FunctionRegistry.SetPrivacyPolicy, PrivacyEndpoints.SetAsync);
        Map(admin, FunctionRegistry.DryRunPrivacyPolicy, PrivacyEndpoints.DryRunAsync);
        Map(admin, FunctionRegistry.SetQualificationConfig, QualificationEndpoints.SetConfigAsync);
        Map(admin, FunctionRegistry.GetUnmatched, MatchingEndpoints.GetUnmatchedAsync);
        Map(admin, FunctionRegistry.ExplainActivity, MatchingEndpoints.ExplainActivityAsync);
        Map(admin, FunctionRegistry.RematchAccounts, MatchingEndpoints.RematchAsync);
        Map(admin, FunctionRegistry.SetTerritoryModel, TerritoryEndpoints.SetAsync);
        Map(admin, FunctionRegistry.GetTerritoryModels, TerritoryEndpoints.ListAsync);
        Map(admin, FunctionRegistry.ExplainTerritory, TerritoryEndpoints.ExplainAsync);
        Map(admin, FunctionRegistry.ReassignTerritories, TerritoryEndpoints.ReassignAsync);
        Map(admin, FunctionRegistry.GetTraces, TraceEndpoints.GetAsync);
        Map(admin, FunctionRegistry.GetStatus, AdminEndpoints.GetStatusAsync);
        Map(admin, FunctionRegistry.GetSyncStates, AdminEndpoints.GetSyncStatesAsync);
        Map(admin, FunctionRegistry.GetPoison, PoisonEndpoints.GetAsync);
        Map(admin, FunctionRegistry.ReplayPoison, PoisonEndpoints.ReplayAsync);
        return app;
    }

    private static void Map(IEndpointRouteBuilder group, FunctionDefinition function, Delegate handler) =>
        group.MapMethods(function.Route!, function.Methods!, handler).WithName(function.Name);
}
