using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Query;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Core services shared by the Functions app and the Host; adapters register the ports.</summary>
    public static IServiceCollection AddSalesFunctionsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SalesFunctionsMetrics>();
        services.AddSingleton<TenantDirectoryCache>();
        services.AddSingleton<TenantDirectoryService>();
        services.AddSingleton<PrivacyService>();
        services.AddSingleton<CaptureTracer>();
        services.AddSingleton<TraceQueryService>();
        services.AddOptions<TraceOptions>().BindConfiguration(TraceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubscriptionLookup>();
        services.AddSingleton<NotificationIntake>();
        services.AddSingleton<CaptureService>();
        services.AddSingleton<CallCapture>();
        services.AddOptions<CallOptions>().BindConfiguration(CallOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ScoringService>();
        services.AddSingleton<TerritoryModels>();
        services.AddSingleton<TerritoryReassignment>();
        services.AddSingleton<StoredActivityRewriter>();
        services.AddSingleton<AccountRematch>();
        services.AddSingleton<ActivityExplainer>();
        services.AddSingleton<UnmatchedExternals>();
        services.AddSingleton<QualificationService>();
        services.AddSingleton<KpiRollupService>();
        services.AddSingleton<RollupRequests>();
        services.AddSingleton<DirtyDays>();
        services.AddSingleton<KpiQueryService>();
        services.AddSingleton<KpiSettingsSource>();
        services.AddOptions<KpiOptions>().BindConfiguration(KpiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<KpiOptions>, KpiOptionsValidator>();
        services.AddSingleton<KpiTargetService>();
        services.AddSingleton<MailboxOnboarding>();
        services.AddSingleton<MailboxRemoval>();
        services.AddSingleton<SubscriptionMaintenance>();
        services.AddSingleton<LifecycleService>();
        services.AddSingleton<DeltaSyncService>();
        services.AddSingleton<SyncScheduler>();
        services.AddSingleton<PoisonMonitor>();
        services.AddSingleton<CrmIngress>();
        services.AddSingleton<CrmEventProcessor>();
        services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SubscriptionOptions>().BindConfiguration(SubscriptionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
