using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SalesFunctions.Core.Crm;
using SalesFunctions.Core.Kpis.Rollup;
using SalesFunctions.Core.Kpis.Targets;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Qualification;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Scoring;
using SalesFunctions.Core.Tenants;
using SalesFunctions.Core.Territories;
using SalesFunctions.Tests.Shared;

namespace SalesFunctions.Core.Tests.Fakes;

/// <summary>Scoring and rollup services over the in-memory stores.</summary>
internal sealed class Pipeline
{
    public Pipeline()
    {
        Stores.SaveAsync(TestData.Directory(), CancellationToken.None).GetAwaiter().GetResult();
        var directories = new TenantDirectoryCache(Stores, TestClock.Provider, Crm);
        Territories = new TerritoryModels(TerritoryStore, TestClock.Provider);
        RollupRequests = new RollupRequests(Queue.Object, new FixedOptionsMonitor<KpiOptions>(KpiOptions), Clock);
        DirtyDays = new DirtyDays(Stores, RollupRequests);
        Scoring = new ScoringService(directories, Territories, Stores, DirtyDays, Metrics, TestClock.Provider, NullLogger<ScoringService>.Instance);
        var rewriter = new StoredActivityRewriter(Stores, DirtyDays);
        Reassignment = new TerritoryReassignment(directories, Territories, rewriter);
        Rematch = new AccountRematch(directories, Territories, rewriter, Watermarks, Clock);
        Unmatched = new UnmatchedExternals(directories, Stores);
        Qualification = new QualificationService(directories, QualificationConfigs, Stores, Crm, new FixedOptionsMonitor<CrmOptions>(CrmOptions), TestClock.Provider);
        Privacy = new PrivacyService(Stores, directories, Stores, DirtyDays, NullLogger<PrivacyService>.Instance);
        KpiSettings = new KpiSettingsSource(new FixedOptionsMonitor<KpiOptions>(KpiOptions), Targets);
        Rollup = new KpiRollupService(Stores, Stores, Crm, Stores, Stores, Stores, RollupLocks, RollupRequests, KpiSettings,
            new FixedOptionsMonitor<CrmOptions>(CrmOptions), Metrics, RollupClock, NullLogger<KpiRollupService>.Instance);
    }

    public static SalesFunctionsMetrics Metrics { get; } =
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    public InMemoryStores Stores { get; } = new();

    public InMemoryCrmStore Crm { get; } = new();

    /// <summary>Marks dirty days and asks for the tenant's rollup on <see cref="Queue"/>.</summary>
    public DirtyDays DirtyDays { get; }

    public RollupRequests RollupRequests { get; }

    public InMemoryRollupLocks RollupLocks { get; } = new();

    /// <summary>What the steps queue; loose, so a test sets up or verifies only what it is about.</summary>
    public Mock<IQueuePublisher> Queue { get; } = new();

    public InMemoryRematchWatermarks Watermarks { get; } = new();

    /// <summary>The clock of the steps whose timing a test decides (the rematch's coalescing).</summary>
    public FakeTimeProvider Clock { get; } = new(TestClock.Now);

    public CrmOptions CrmOptions { get; } = new();

    /// <summary>The rollup's settings; a test changes them in place, as a configuration reload would.</summary>
    public KpiOptions KpiOptions { get; } = new();

    public KpiSettingsSource KpiSettings { get; }

    /// <summary>Quotas, forecasts and spend the rollup reads.</summary>
    public InMemoryKpiTargetStore Targets { get; } = new();

    /// <summary>The rollup's "today": test activities are in October 2026, so history windows reach them.</summary>
    public FakeTimeProvider RollupClock { get; } = new(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero));

    public InMemoryTerritoryModelStore TerritoryStore { get; } = new();

    public TerritoryModels Territories { get; }

    public TerritoryReassignment Reassignment { get; }

    public AccountRematch Rematch { get; }

    public UnmatchedExternals Unmatched { get; }

    public InMemoryQualificationConfigStore QualificationConfigs { get; } = new();

    public QualificationService Qualification { get; }

    public ScoringService Scoring { get; }

    public KpiRollupService Rollup { get; }

    public PrivacyService Privacy { get; }
}
