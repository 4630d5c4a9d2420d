namespace SalesFunctions.Api.Functions;

/// <summary>
/// The route of every HTTP function below the "api" prefix, as constants so that the Functions app's trigger attributes
/// and the registry the Host maps from name the same text.
/// </summary>
public static class Routes
{
    public const string GraphNotifications = "graph/notifications";

    public const string GraphLifecycle = "graph/lifecycle";

    public const string CrmWebhook = "crm/{provider}/{connectorId}";

    public const string GetKpis = "kpis";

    public const string GetKpiLeaderboard = "kpis/leaderboard";

    public const string CompareKpis = "kpis/compare";

    public const string GetActivityVsPerformance = "kpis/activity-vs-performance";

    public const string ExportKpis = "kpis/export";

    public const string GetKpiCatalogue = "kpis/catalogue";

    public const string GetCaller = "me";

    public const string ImportDirectory = "admin/tenants/{tenantId}/directory";

    public const string ImportDirectoryCsv = "admin/tenants/{tenantId}/directory/{list}";

    public const string ImportKpiTargets = "admin/tenants/{tenantId}/kpis/targets";

    public const string GetKpiTargets = "admin/tenants/{tenantId}/kpis/targets";

    public const string AddMailbox = "admin/tenants/{tenantId}/mailboxes";

    public const string RemoveMailbox = "admin/tenants/{tenantId}/mailboxes/{mailbox}";

    public const string StartCallCapture = "admin/tenants/{tenantId}/calls";

    public const string GetPrivacyPolicy = "admin/tenants/{tenantId}/privacy";

    public const string SetPrivacyPolicy = "admin/tenants/{tenantId}/privacy";

    public const string DryRunPrivacyPolicy = "admin/tenants/{tenantId}/privacy/dry-run";

    public const string GetQualification = "qualification";

    public const string SetQualificationConfig = "admin/tenants/{tenantId}/qualification";

    public const string ExplainActivity = "admin/tenants/{tenantId}/activities/explain";

    public const string GetUnmatched = "admin/tenants/{tenantId}/unmatched";

    public const string MapUnmatchedDomain = "admin/tenants/{tenantId}/directory/accounts/{accountId}/domains/{domain}";

    public const string RematchAccounts = "admin/tenants/{tenantId}/directory/rematch";

    public const string SetTerritoryModel = "admin/tenants/{tenantId}/territories";

    public const string GetTerritoryModels = "admin/tenants/{tenantId}/territories";

    public const string ExplainTerritory = "admin/tenants/{tenantId}/territories/explain";

    public const string ReassignTerritories = "admin/tenants/{tenantId}/territories/reassign";

    public const string GetTraces = "admin/tenants/{tenantId}/traces";

    public const string GetStatus = "admin/status";

    public const string GetSyncStates = "admin/tenants/{tenantId}/sync";

    public const string GetPoison = "admin/poison";

    public const string ReplayPoison = "admin/poison/{queue}/replay";

    public const string Health = "health";

    public const string HealthReady = "health/ready";
}
