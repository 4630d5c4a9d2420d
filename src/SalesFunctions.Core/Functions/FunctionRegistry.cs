using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Core.Functions;

/// <summary>
/// Every trigger of the product, in one place for both hosts: the Functions app names its functions from here and
/// the Host serves each entry (a test checks it), so the two cannot drift apart.
/// </summary>
public static class FunctionRegistry
{
    public static readonly FunctionDefinition GraphNotifications =
        new(nameof(GraphNotifications), TriggerKind.Http, Route: "graph/notifications", Methods: ["POST"], Access: RouteAccess.Ingress);

    public static readonly FunctionDefinition GraphLifecycle =
        new(nameof(GraphLifecycle), TriggerKind.Http, Route: "graph/lifecycle", Methods: ["POST"], Access: RouteAccess.Ingress);

    public static readonly FunctionDefinition CrmWebhook =
        new(nameof(CrmWebhook), TriggerKind.Http, Route: "crm/{provider}/{connectorId}", Methods: ["POST"], Access: RouteAccess.Ingress);

    public static readonly FunctionDefinition GetKpis =
        new(nameof(GetKpis), TriggerKind.Http, Route: "kpis", Methods: ["GET"], Access: RouteAccess.Reader);

    public static readonly FunctionDefinition GetKpiLeaderboard =
        new(nameof(GetKpiLeaderboard), TriggerKind.Http, Route: "kpis/leaderboard", Methods: ["GET"], Access: RouteAccess.Reader);

    public static readonly FunctionDefinition CompareKpis =
        new(nameof(CompareKpis), TriggerKind.Http, Route: "kpis/compare", Methods: ["GET"], Access: RouteAccess.Reader);

    public static readonly FunctionDefinition GetActivityVsPerformance =
        new(nameof(GetActivityVsPerformance), TriggerKind.Http, Route: "kpis/activity-vs-performance", Methods: ["GET"], Access: RouteAccess.Reader);

    public static readonly FunctionDefinition ExportKpis =
        new(nameof(ExportKpis), TriggerKind.Http, Route: "kpis/export", Methods: ["GET"], Access: RouteAccess.Reader);

    public static readonly FunctionDefinition ImportDirectory =
        new(nameof(ImportDirectory), TriggerKind.Http, Route: "admin/tenants/{tenantId}/directory", Methods: ["PUT"], Access: RouteAccess.Admin);

    /// <summary>{list} is accounts or contacts: a CSV body replaces that list of the stored directory.</summary>
    public static readonly FunctionDefinition ImportDirectoryCsv =
        new(nameof(ImportDirectoryCsv), TriggerKind.Http, Route: "admin/tenants/{tenantId}/directory/{list}", Methods: ["PUT"], Access: RouteAccess.Admin);

    /// <summary>A CSV body of quotas, forecasts and spend replaces the tenant's targets in force.</summary>
    public static readonly FunctionDefinition ImportKpiTargets =
        new(nameof(ImportKpiTargets), TriggerKind.Http, Route: "admin/tenants/{tenantId}/kpis/targets", Methods: ["PUT"], Access: RouteAccess.Admin);

    /// <summary>The targets in force, uploaded or configured, as the CSV the import takes.</summary>
    public static readonly FunctionDefinition GetKpiTargets =
        new(nameof(GetKpiTargets), TriggerKind.Http, Route: "admin/tenants/{tenantId}/kpis/targets", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition AddMailbox =
        new(nameof(AddMailbox), TriggerKind.Http, Route: "admin/tenants/{tenantId}/mailboxes", Methods: ["POST"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition RemoveMailbox =
        new(nameof(RemoveMailbox), TriggerKind.Http, Route: "admin/tenants/{tenantId}/mailboxes/{mailbox}", Methods: ["DELETE"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetPrivacyPolicy =
        new(nameof(GetPrivacyPolicy), TriggerKind.Http, Route: "admin/tenants/{tenantId}/privacy", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition SetPrivacyPolicy =
        new(nameof(SetPrivacyPolicy), TriggerKind.Http, Route: "admin/tenants/{tenantId}/privacy", Methods: ["PUT"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition DryRunPrivacyPolicy =
        new(nameof(DryRunPrivacyPolicy), TriggerKind.Http, Route: "admin/tenants/{tenantId}/privacy/dry-run", Methods: ["POST"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetQualification =
        new(nameof(GetQualification), TriggerKind.Http, Route: "qualification", Methods: ["GET"], Access: RouteAccess.Manager);

    public static readonly FunctionDefinition SetQualificationConfig =
        new(nameof(SetQualificationConfig), TriggerKind.Http, Route: "admin/tenants/{tenantId}/qualification", Methods: ["PUT"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition ExplainActivity =
        new(nameof(ExplainActivity), TriggerKind.Http, Route: "admin/tenants/{tenantId}/activities/explain", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetUnmatched =
        new(nameof(GetUnmatched), TriggerKind.Http, Route: "admin/tenants/{tenantId}/unmatched", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition RematchAccounts =
        new(nameof(RematchAccounts), TriggerKind.Http, Route: "admin/tenants/{tenantId}/directory/rematch", Methods: ["POST"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition SetTerritoryModel =
        new(nameof(SetTerritoryModel), TriggerKind.Http, Route: "admin/tenants/{tenantId}/territories", Methods: ["PUT"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetTerritoryModels =
        new(nameof(GetTerritoryModels), TriggerKind.Http, Route: "admin/tenants/{tenantId}/territories", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition ExplainTerritory =
        new(nameof(ExplainTerritory), TriggerKind.Http, Route: "admin/tenants/{tenantId}/territories/explain", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition ReassignTerritories =
        new(nameof(ReassignTerritories), TriggerKind.Http, Route: "admin/tenants/{tenantId}/territories/reassign", Methods: ["POST"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetTraces =
        new(nameof(GetTraces), TriggerKind.Http, Route: "admin/tenants/{tenantId}/traces", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetStatus =
        new(nameof(GetStatus), TriggerKind.Http, Route: "admin/status", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetSyncStates =
        new(nameof(GetSyncStates), TriggerKind.Http, Route: "admin/tenants/{tenantId}/sync", Methods: ["GET"], Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetPoison =
        new(nameof(GetPoison), TriggerKind.Http, Route: "admin/poison", Methods: ["GET"], Access: RouteAccess.Operator);

    public static readonly FunctionDefinition ReplayPoison =
        new(nameof(ReplayPoison), TriggerKind.Http, Route: "admin/poison/{queue}/replay", Methods: ["POST"], Access: RouteAccess.Operator);

    public static readonly FunctionDefinition Capture =
        new(nameof(Capture), TriggerKind.Queue, Queue: QueueNames.Capture);

    public static readonly FunctionDefinition Score =
        new(nameof(Score), TriggerKind.Queue, Queue: QueueNames.Score);

    public static readonly FunctionDefinition Crm =
        new(nameof(Crm), TriggerKind.Queue, Queue: QueueNames.Crm);

    public static readonly FunctionDefinition Rematch =
        new(nameof(Rematch), TriggerKind.Queue, Queue: QueueNames.Rematch);

    public static readonly FunctionDefinition Lifecycle =
        new(nameof(Lifecycle), TriggerKind.Queue, Queue: QueueNames.Lifecycle);

    public static readonly FunctionDefinition SubscriptionRenewal =
        new(nameof(SubscriptionRenewal), TriggerKind.Timer, ScheduleSetting: "SubscriptionRenewalSchedule");

    public static readonly FunctionDefinition Sync =
        new(nameof(Sync), TriggerKind.Queue, Queue: QueueNames.Sync);

    public static readonly FunctionDefinition DeltaSweep =
        new(nameof(DeltaSweep), TriggerKind.Timer, ScheduleSetting: "DeltaSweepSchedule");

    public static readonly FunctionDefinition KpiRollup =
        new(nameof(KpiRollup), TriggerKind.Timer, ScheduleSetting: "KpiRollupSchedule");

    public static readonly FunctionDefinition TraceRetention =
        new(nameof(TraceRetention), TriggerKind.Timer, ScheduleSetting: "TraceRetentionSchedule");

    public static readonly FunctionDefinition PoisonMonitor =
        new(nameof(PoisonMonitor), TriggerKind.Timer, ScheduleSetting: "PoisonMonitorSchedule");

    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        GraphNotifications, GraphLifecycle, CrmWebhook, GetKpis, GetKpiLeaderboard, CompareKpis, GetActivityVsPerformance, ExportKpis, GetQualification, SetQualificationConfig, ImportDirectory, ImportDirectoryCsv, ImportKpiTargets, GetKpiTargets, AddMailbox, RemoveMailbox, GetPrivacyPolicy, SetPrivacyPolicy, DryRunPrivacyPolicy,
        GetUnmatched, ExplainActivity, RematchAccounts, SetTerritoryModel, GetTerritoryModels, ExplainTerritory, ReassignTerritories, GetTraces, GetStatus, GetSyncStates, GetPoison, ReplayPoison, Capture, Score, Crm, Rematch, Lifecycle, Sync, KpiRollup, SubscriptionRenewal, DeltaSweep,
        TraceRetention, PoisonMonitor,
    ];
}
