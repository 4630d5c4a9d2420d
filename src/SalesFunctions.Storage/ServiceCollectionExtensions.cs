using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesFunctions.Core;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Core.Sync;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Storage;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSalesFunctionsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        // The counter feeds the app's meter; hosts that register Core have both already.
        services.AddMetrics();
        services.TryAddSingleton<SalesFunctionsMetrics>();
        services.AddSingleton<StorageCallCounter>();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageNames>();
        services.AddSingleton<StorageInitializer>();
        services.AddSingleton<StorageQueues>();
        services.AddSingleton<IQueueDepths>(sp => sp.GetRequiredService<StorageQueues>());
        services.AddSingleton<IPoisonQueues, StoragePoisonQueues>();
        services.AddSingleton<StorageLocks>();
        services.AddSingleton<IRollupLocks, BlobRollupLocks>();
        services.AddSingleton<IQueuePublisher, QueuePublisher>();
        services.AddSingleton<ITenantDirectoryStore, BlobTenantDirectoryStore>();
        services.AddSingleton<ISubscriptionStore, TableSubscriptionStore>();
        services.AddSingleton<IActivityStore, TableActivityStore>();
        services.AddSingleton<IDirtyDayStore, TableDirtyDayStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IKpiStore, TableKpiStore>();
        services.AddSingleton<IRollupStatusStore, TableRollupStatusStore>();
        services.AddSingleton<IRematchWatermarks, TableRematchWatermarks>();
        services.AddSingleton<ISyncStateStore, TableSyncStateStore>();
        services.AddSingleton<ITraceStore, TableTraceStore>();
        services.AddSingleton<ICrmStore, TableCrmStore>();
        services.AddSingleton<ICrmPayloadStore, BlobCrmPayloadStore>();
        services.AddSingleton<ITerritoryModelStore, BlobTerritoryModelStore>();
        services.AddSingleton<IQualificationConfigStore, BlobQualificationConfigStore>();
        services.AddSingleton<IKpiTargetStore, BlobKpiTargetStore>();
        return services;
    }
}
