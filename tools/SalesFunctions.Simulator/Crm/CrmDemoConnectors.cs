namespace SalesFunctions.Simulator.Crm;

/// <summary>
/// The demo's five CRM connectors, one per provider, with throwaway demo credentials. The Host's appsettings.Demo.json
/// configures the same values; <see cref="Settings"/> gives them to Hosts started by tests.
/// </summary>
public static class CrmDemoConnectors
{
    public const string HubSpot = "hubspot-demo";
    public const string Salesforce = "salesforce-demo";
    public const string Dynamics = "dynamics-demo";
    public const string Pipedrive = "pipedrive-demo";
    public const string Generic = "generic-demo";

    public const string HubSpotSecret = "demo-hubspot-client-secret";
    public const string SalesforceOrganizationId = "00D5g000004DEMOEAA";
    public const string SalesforceUrlKey = "demo-salesforce-url-key";
    public const string DynamicsCode = "demo-dynamics-code";
    public const string PipedriveUser = "demo";
    public const string PipedrivePassword = "demo-pipedrive-password";
    public const string GenericSecret = "demo-generic-secret";

    /// <summary>Revenue is reported in USD; the simulated CRM books some deals in EUR.</summary>
    public const decimal EurToUsd = 1.08m;

    public static IReadOnlyList<(string Provider, string Connector)> All { get; } =
    [
        ("hubspot", HubSpot), ("salesforce", Salesforce), ("dynamics", Dynamics), ("pipedrive", Pipedrive), ("generic", Generic),
    ];

    public static Dictionary<string, string?> Settings(string tenantId) => new()
    {
        [$"Crm:ExchangeRates:EUR"] = "1.08",
        [$"Crm:Connectors:{HubSpot}:TenantId"] = tenantId,
        [$"Crm:Connectors:{HubSpot}:Provider"] = "HubSpot",
        [$"Crm:Connectors:{HubSpot}:Secret"] = HubSpotSecret,
        [$"Crm:Connectors:{Salesforce}:TenantId"] = tenantId,
        [$"Crm:Connectors:{Salesforce}:Provider"] = "Salesforce",
        [$"Crm:Connectors:{Salesforce}:OrganizationId"] = SalesforceOrganizationId,
        [$"Crm:Connectors:{Salesforce}:UrlKey"] = SalesforceUrlKey,
        [$"Crm:Connectors:{Dynamics}:TenantId"] = tenantId,
        [$"Crm:Connectors:{Dynamics}:Provider"] = "Dynamics",
        [$"Crm:Connectors:{Dynamics}:DynamicsAuth"] = "WebhookKey",
        [$"Crm:Connectors:{Dynamics}:DynamicsValues:code"] = DynamicsCode,
        [$"Crm:Connectors:{Dynamics}:DefaultCurrency"] = "USD",
        [$"Crm:Connectors:{Pipedrive}:TenantId"] = tenantId,
        [$"Crm:Connectors:{Pipedrive}:Provider"] = "Pipedrive",
        [$"Crm:Connectors:{Pipedrive}:BasicUser"] = PipedriveUser,
        [$"Crm:Connectors:{Pipedrive}:BasicPassword"] = PipedrivePassword,
        [$"Crm:Connectors:{Generic}:TenantId"] = tenantId,
        [$"Crm:Connectors:{Generic}:Provider"] = "Generic",
        [$"Crm:Connectors:{Generic}:Secret"] = GenericSecret,
    };
}
