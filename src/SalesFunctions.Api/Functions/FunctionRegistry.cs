using SalesFunctions.Api.Endpoints;
using SalesFunctions.Core.Queues;
using SalesFunctions.Core.Security;

namespace SalesFunctions.Api.Functions;

/// <summary>
/// Every trigger of the product, in one place for both hosts: the Functions app names its functions, routes, queues
/// and schedule settings from here and calls each HTTP entry's handler; the Host maps every HTTP entry from here and
/// runs a trigger for every queue and timer entry (a test checks it), so the two cannot drift apart.
/// </summary>
public static class FunctionRegistry
{
    public static readonly FunctionDefinition GraphNotifications =
        new(nameof(GraphNotifications), TriggerKind.Http, Route: Routes.GraphNotifications, Methods: ["POST"], Handler: GraphEndpoints.NotificationsAsync, Access: RouteAccess.Ingress);

    public static readonly FunctionDefinition GraphLifecycle =
        new(nameof(GraphLifecycle), TriggerKind.Http, Route: Routes.GraphLifecycle, Methods: ["POST"], Handler: GraphEndpoints.LifecycleAsync, Access: RouteAccess.Ingress);

    public static readonly FunctionDefinition CrmWebhook =
        new(nameof(CrmWebhook), TriggerKind.Http, Route: Routes.CrmWebhook, Methods: ["POST"], Handler: CrmEndpoints.AcceptAsync, Access: RouteAccess.Ingress);

    public static readonly FunctionDefinition GetKpis =
        new(nameof(GetKpis), TriggerKind.Http, Route: Routes.GetKpis, Methods: ["GET"], Handler: KpiEndpoints.GetSeriesAsync, Access: RouteAccess.Reader);

    public static readonly FunctionDefinition GetKpiLeaderboard =
        new(nameof(GetKpiLeaderboard), TriggerKind.Http, Route: Routes.GetKpiLeaderboard, Methods: ["GET"], Handler: KpiEndpoints.GetLeaderboardAsync, Access: RouteAccess.Reader);

    public static readonly FunctionDefinition CompareKpis =
        new(nameof(CompareKpis), TriggerKind.Http, Route: Routes.CompareKpis, Methods: ["GET"], Handler: KpiEndpoints.ComparePreviousAsync, Access: RouteAccess.Reader);

    public static readonly FunctionDefinition GetActivityVsPerformance =
        new(nameof(GetActivityVsPerformance), TriggerKind.Http, Route: Routes.GetActivityVsPerformance, Methods: ["GET"], Handler: KpiEndpoints.GetActivityVsPerformanceAsync, Access: RouteAccess.Reader);

    public static readonly FunctionDefinition ExportKpis =
        new(nameof(ExportKpis), TriggerKind.Http, Route: Routes.ExportKpis, Methods: ["GET"], Handler: KpiEndpoints.ExportAsync, Access: RouteAccess.Reader);

    /// <summary>Every KPI's definition (name, unit, category, formula): what the dashboard links each KPI name to.</summary>
    public static readonly FunctionDefinition GetKpiCatalogue =
        new(nameof(GetKpiCatalogue), TriggerKind.Http, Route: Routes.GetKpiCatalogue, Methods: ["GET"], Handler: KpiEndpoints.GetCatalogue, Access: RouteAccess.Reader);

    /// <summary>The signed-in caller: role, tenant, time zone and the teams and reps they read, by name.</summary>
    public static readonly FunctionDefinition GetCaller =
        new(nameof(GetCaller), TriggerKind.Http, Route: Routes.GetCaller, Methods: ["GET"], Handler: CallerEndpoints.GetAsync, Access: RouteAccess.Reader);

    public static readonly FunctionDefinition ImportDirectory =
        new(nameof(ImportDirectory), TriggerKind.Http, Route: Routes.ImportDirectory, Methods: ["PUT"], Handler: AdminEndpoints.ImportDirectoryJsonAsync, Access: RouteAccess.Admin);

    /// <summary>{list} is accounts, contacts or reps: a CSV body replaces that list of the stored directory.</summary>
    public static readonly FunctionDefinition ImportDirectoryCsv =
        new(nameof(ImportDirectoryCsv), TriggerKind.Http, Route: Routes.ImportDirectoryCsv, Methods: ["PUT"], Handler: AdminEndpoints.ImportDirectoryCsvAsync, Access: RouteAccess.Admin);

    /// <summary>A CSV body of quotas, forecasts and spend replaces the tenant's targets in force.</summary>
    public static readonly FunctionDefinition ImportKpiTargets =
        new(nameof(ImportKpiTargets), TriggerKind.Http, Route: Routes.ImportKpiTargets, Methods: ["PUT"], Handler: KpiTargetEndpoints.ImportAsync, Access: RouteAccess.Admin);

    /// <summary>The targets in force, uploaded or configured, as the CSV the import takes.</summary>
    public static readonly FunctionDefinition GetKpiTargets =
        new(nameof(GetKpiTargets), TriggerKind.Http, Route: Routes.GetKpiTargets, Methods: ["GET"], Handler: KpiTargetEndpoints.GetAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition AddMailbox =
        new(nameof(AddMailbox), TriggerKind.Http, Route: Routes.AddMailbox, Methods: ["POST"], Handler: AdminEndpoints.AddMailboxAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition RemoveMailbox =
        new(nameof(RemoveMailbox), TriggerKind.Http, Route: Routes.RemoveMailbox, Methods: ["DELETE"], Handler: AdminEndpoints.RemoveMailboxAsync, Access: RouteAccess.Admin);

    /// <summary>Starts Teams call capture of the tenant: the /communications/callRecords subscription (docs/calls.md).</summary>
    public static readonly FunctionDefinition StartCallCapture =
        new(nameof(StartCallCapture), TriggerKind.Http, Route: Routes.StartCallCapture, Methods: ["POST"], Handler: AdminEndpoints.StartCallCaptureAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetPrivacyPolicy =
        new(nameof(GetPrivacyPolicy), TriggerKind.Http, Route: Routes.GetPrivacyPolicy, Methods: ["GET"], Handler: PrivacyEndpoints.GetAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition SetPrivacyPolicy =
        new(nameof(SetPrivacyPolicy), TriggerKind.Http, Route: Routes.SetPrivacyPolicy, Methods: ["PUT"], Handler: PrivacyEndpoints.SetAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition DryRunPrivacyPolicy =
        new(nameof(DryRunPrivacyPolicy), TriggerKind.Http, Route: Routes.DryRunPrivacyPolicy, Methods: ["POST"], Handler: PrivacyEndpoints.DryRunAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetQualification =
        new(nameof(GetQualification), TriggerKind.Http, Route: Routes.GetQualification, Methods: ["GET"], Handler: QualificationEndpoints.GetAsync, Access: RouteAccess.Reader);

    public static readonly FunctionDefinition SetQualificationConfig =
        new(nameof(SetQualificationConfig), TriggerKind.Http, Route: Routes.SetQualificationConfig, Methods: ["PUT"], Handler: QualificationEndpoints.SetConfigAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition ExplainActivity =
        new(nameof(ExplainActivity), TriggerKind.Http, Route: Routes.ExplainActivity, Methods: ["GET"], Handler: MatchingEndpoints.ExplainActivityAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetUnmatched =
        new(nameof(GetUnmatched), TriggerKind.Http, Route: Routes.GetUnmatched, Methods: ["GET"], Handler: MatchingEndpoints.GetUnmatchedAsync, Access: RouteAccess.Admin);

    /// <summary>The unmatched-domain bucket's one-click mapping: adds the domain to an account, then rematches history.</summary>
    public static readonly FunctionDefinition MapUnmatchedDomain =
        new(nameof(MapUnmatchedDomain), TriggerKind.Http, Route: Routes.MapUnmatchedDomain, Methods: ["PUT"], Handler: MatchingEndpoints.MapDomainAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition RematchAccounts =
        new(nameof(RematchAccounts), TriggerKind.Http, Route: Routes.RematchAccounts, Methods: ["POST"], Handler: MatchingEndpoints.RematchAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition SetTerritoryModel =
        new(nameof(SetTerritoryModel), TriggerKind.Http, Route: Routes.SetTerritoryModel, Methods: ["PUT"], Handler: TerritoryEndpoints.SetAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetTerritoryModels =
        new(nameof(GetTerritoryModels), TriggerKind.Http, Route: Routes.GetTerritoryModels, Methods: ["GET"], Handler: TerritoryEndpoints.ListAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition ExplainTerritory =
        new(nameof(ExplainTerritory), TriggerKind.Http, Route: Routes.ExplainTerritory, Methods: ["GET"], Handler: TerritoryEndpoints.ExplainAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition ReassignTerritories =
        new(nameof(ReassignTerritories), TriggerKind.Http, Route: Routes.ReassignTerritories, Methods: ["POST"], Handler: TerritoryEndpoints.ReassignAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetTraces =
        new(nameof(GetTraces), TriggerKind.Http, Route: Routes.GetTraces, Methods: ["GET"], Handler: TraceEndpoints.GetAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetStatus =
        new(nameof(GetStatus), TriggerKind.Http, Route: Routes.GetStatus, Methods: ["GET"], Handler: AdminEndpoints.GetStatusAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetSyncStates =
        new(nameof(GetSyncStates), TriggerKind.Http, Route: Routes.GetSyncStates, Methods: ["GET"], Handler: AdminEndpoints.GetSyncStatesAsync, Access: RouteAccess.Admin);

    public static readonly FunctionDefinition GetPoison =
        new(nameof(GetPoison), TriggerKind.Http, Route: Routes.GetPoison, Methods: ["GET"], Handler: PoisonEndpoints.GetAsync, Access: RouteAccess.Operator);

    public static readonly FunctionDefinition ReplayPoison =
        new(nameof(ReplayPoison), TriggerKind.Http, Route: Routes.ReplayPoison, Methods: ["POST"], Handler: PoisonEndpoints.ReplayAsync, Access: RouteAccess.Operator);

    /// <summary>Liveness: the process answers. Nothing is checked, so a storage outage never restarts a healthy instance.</summary>
    public static readonly FunctionDefinition Health =
        new(nameof(Health), TriggerKind.Http, Route: Routes.Health, Methods: ["GET"], Handler: HealthEndpoints.Live, Access: RouteAccess.Probe);

    /// <summary>Readiness: every registered health check (storage, Graph token, listeners, timers), 503 when one is unhealthy.</summary>
    public static readonly FunctionDefinition HealthReady =
        new(nameof(HealthReady), TriggerKind.Http, Route: Routes.HealthReady, Methods: ["GET"], Handler: HealthEndpoints.ReadyAsync, Access: RouteAccess.Probe);

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
        new(nameof(SubscriptionRenewal), TriggerKind.Timer, ScheduleSetting: ScheduleSettings.SubscriptionRenewal);

    public static readonly FunctionDefinition Sync =
        new(nameof(Sync), TriggerKind.Queue, Queue: QueueNames.Sync);

    public static readonly FunctionDefinition DeltaSweep =
        new(nameof(DeltaSweep), TriggerKind.Timer, ScheduleSetting: ScheduleSettings.DeltaSweep);

    public static readonly FunctionDefinition KpiRollup =
        new(nameof(KpiRollup), TriggerKind.Timer, ScheduleSetting: ScheduleSettings.KpiRollup);

    public static readonly FunctionDefinition Rollup =
        new(nameof(Rollup), TriggerKind.Queue, Queue: QueueNames.Rollup);

    public static readonly FunctionDefinition TraceRetention =
        new(nameof(TraceRetention), TriggerKind.Timer, ScheduleSetting: ScheduleSettings.TraceRetention);

    public static readonly FunctionDefinition PoisonMonitor =
        new(nameof(PoisonMonitor), TriggerKind.Timer, ScheduleSetting: ScheduleSettings.PoisonMonitor);

    /// <summary>Reads the Teams PSTN log of every tenant with call capture and sends its calls to scoring.</summary>
    public static readonly FunctionDefinition PstnSweep =
        new(nameof(PstnSweep), TriggerKind.Timer, ScheduleSetting: ScheduleSettings.PstnSweep);

    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        GraphNotifications, GraphLifecycle, CrmWebhook, GetKpis, GetKpiLeaderboard, CompareKpis, GetActivityVsPerformance, ExportKpis, GetKpiCatalogue, GetCaller, GetQualification, SetQualificationConfig, ImportDirectory, ImportDirectoryCsv, ImportKpiTargets, GetKpiTargets, AddMailbox, RemoveMailbox, StartCallCapture, GetPrivacyPolicy, SetPrivacyPolicy, DryRunPrivacyPolicy,
        GetUnmatched, MapUnmatchedDomain, ExplainActivity, RematchAccounts, SetTerritoryModel, GetTerritoryModels, ExplainTerritory, ReassignTerritories, GetTraces, GetStatus, GetSyncStates, GetPoison, ReplayPoison, Health, HealthReady, Capture, Score, Crm, Rematch, Lifecycle, Sync, KpiRollup, Rollup, SubscriptionRenewal, DeltaSweep,
        TraceRetention, PoisonMonitor, PstnSweep,
    ];
}
