using Microsoft.Extensions.Options;
using SalesFunctions.Core;
using SalesFunctions.Core.Functions;
using SalesFunctions.Graph;
using SalesFunctions.Host.Endpoints;
using SalesFunctions.Host.Runtime;
using SalesFunctions.Host.SignIn;
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
        services.AddOptions<ListenerOptions>().BindConfiguration(ListenerOptions.Section);
        services.AddSalesFunctionsSignIn(builder.Environment);

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
        var signIn = app.Services.GetRequiredService<IOptions<SignInOptions>>().Value;
        if (signIn.DevelopmentIssuer.Enabled)
        {
            app.MapDevelopmentIssuer(signIn);
        }

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
        Map(api, FunctionRegistry.ImportDirectory, AdminEndpoints.ImportDirectoryAsync);
        Map(api, FunctionRegistry.ImportDirectoryCsv, AdminEndpoints.ImportDirectoryCsvAsync);
        Map(api, FunctionRegistry.ImportKpiTargets, KpiTargetEndpoints.ImportAsync);
        Map(api, FunctionRegistry.GetKpiTargets, KpiTargetEndpoints.GetAsync);
        Map(api, FunctionRegistry.AddMailbox, AdminEndpoints.AddMailboxAsync);
        Map(api, FunctionRegistry.RemoveMailbox, AdminEndpoints.RemoveMailboxAsync);
        Map(api, FunctionRegistry.GetPrivacyPolicy, PrivacyEndpoints.GetAsync);
        Map(api, FunctionRegistry.SetPrivacyPolicy, PrivacyEndpoints.SetAsync);
        Map(api, FunctionRegistry.DryRunPrivacyPolicy, PrivacyEndpoints.DryRunAsync);
        Map(api, FunctionRegistry.SetQualificationConfig, QualificationEndpoints.SetConfigAsync);
        Map(api, FunctionRegistry.GetUnmatched, MatchingEndpoints.GetUnmatchedAsync);
        Map(api, FunctionRegistry.ExplainActivity, MatchingEndpoints.ExplainActivityAsync);
        Map(api, FunctionRegistry.RematchAccounts, MatchingEndpoints.RematchAsync);
        Map(api, FunctionRegistry.SetTerritoryModel, TerritoryEndpoints.SetAsync);
        Map(api, FunctionRegistry.GetTerritoryModels, TerritoryEndpoints.ListAsync);
        Map(api, FunctionRegistry.ExplainTerritory, TerritoryEndpoints.ExplainAsync);
        Map(api, FunctionRegistry.ReassignTerritories, TerritoryEndpoints.ReassignAsync);
        Map(api, FunctionRegistry.GetTraces, TraceEndpoints.GetAsync);
        Map(api, FunctionRegistry.GetStatus, AdminEndpoints.GetStatusAsync);
        Map(api, FunctionRegistry.GetSyncStates, AdminEndpoints.GetSyncStatesAsync);
        Map(api, FunctionRegistry.GetPoison, PoisonEndpoints.GetAsync);
        Map(api, FunctionRegistry.ReplayPoison, PoisonEndpoints.ReplayAsync);
        return app;
    }

    /// <summary>Every function behind its <see cref="RouteGuard"/>: no route is mapped without the access rule of its registry entry.</summary>
    private static void Map(IEndpointRouteBuilder group, FunctionDefinition function, Delegate handler)
    {
        if (function.Access is null)
        {
            throw new InvalidOperationException($"{function.Name} has no access rule in the function registry.");
        }

        group.MapMethods(function.Route!, function.Methods!, handler).WithName(function.Name)
            .AddEndpointFilter(new RouteGuardFilter(group.ServiceProvider.GetRequiredService<RouteGuard>(), function));
    }
}
