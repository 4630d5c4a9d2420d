using Microsoft.Extensions.Options;
using SalesFunctions.Core.Kpis.Query;
using SalesFunctions.Core.Queues;

namespace SalesFunctions.Storage;

/// <summary>Physical table, queue and container names for the logical ones, with the configured prefix.</summary>
public sealed class StorageNames(IOptions<StorageOptions> options)
{
    public const string Subscriptions = "subscriptions";
    public const string Activities = "activities";
    public const string ActivityDays = "activitydays";
    public const string DirtyDays = "dirtydays";
    public const string KpiSeries = "kpiseries";
    public const string KpiPeriods = "kpiperiods";
    public const string RollupStatus = "rollupstatus";
    public const string SyncState = "syncstate";
    public const string Directories = "directories";
    public const string Locks = "locks";
    public const string CrmRecords = "crmrecords";
    public const string CrmEvents = "crmevents";
    public const string CrmPayloads = "crm-payloads";

    public static IReadOnlyList<string> Tables { get; } = [Subscriptions, Activities, ActivityDays, DirtyDays, KpiSeries, KpiPeriods, RollupStatus, SyncState, CrmRecords, CrmEvents];

    public static IReadOnlyList<string> Containers { get; } = [Directories, Locks, CrmPayloads];

    /// <summary>Every queue, each followed by its poison twin, which the Functions host would create on first use.</summary>
    public static IReadOnlyList<string> Queues { get; } = [.. QueueNames.All.SelectMany(q => new[] { q, QueueNames.PoisonOf(q) })];

    private string Prefix => options.Value.Prefix;

    /// <summary>Table names are alphanumeric only.</summary>
    public string Table(string logical) => Prefix + logical;

    /// <summary>Queue and container names allow single hyphens.</summary>
    public string Queue(string logical) => Prefix.Length == 0 ? logical : $"{Prefix}-{logical}";

    public string Container(string logical) => Queue(logical);
}
