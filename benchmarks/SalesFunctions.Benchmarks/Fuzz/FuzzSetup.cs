using System.Net.Http.Json;
using SalesFunctions.Core.Subscriptions;
using SalesFunctions.Simulator.Crm;

namespace SalesFunctions.Benchmarks.Fuzz;

/// <summary>
/// What the Host under fuzz holds before the first request, so that hostile values reach deep into each route rather
/// than stopping at "unknown tenant": a tenant with a directory, a signed generic CRM connector, a Graph subscription,
/// and Teams call capture already started (a start then adopts it instead of calling the Graph the harness has not).
/// </summary>
public static class FuzzSetup
{
    public const string Tenant = "fuzz-tenant";
    public const string GraphTenant = "84bd8158-6d4d-4958-8b9f-9d6445542f95";
    public const string SubscriptionId = "fuzz-subscription";
    public const string ClientState = "fuzz-client-state";
    public const string Mailbox = "ava@contoso-sales.example";

    /// <summary>Host settings on top of storage and sign-in: the demo CRM connectors of the tenant, listeners and rollup requests off.</summary>
    public static Dictionary<string, string?> Settings()
    {
        var settings = CrmDemoConnectors.Settings(Tenant);
        // Queue and timer steps would change storage by themselves; the harness compares storage around requests only.
        settings["Listeners:Enabled"] = "false";
        // Likewise a rollup request, which turns visible seconds after the write that sent it (ADR 0022).
        settings["Kpis:RollupDelaySeconds"] = "0";
        // The tenant's admin signs in through the development issuer, which maps it as its own Entra tenant.
        settings[$"Auth:Tenants:{Tenant}"] = Tenant;
        return settings;
    }

    public static async Task SeedAsync(HttpClient client, string bearerToken, ISubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/tenants/{Tenant}/directory") { Content = JsonContent.Create(FuzzBodies.Directory) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        await subscriptions.SaveAsync(new SubscriptionRecord(GraphTenant, SubscriptionId, Mailbox, MailboxResource.Messages, ClientStates.Hash(ClientState),
            DateTimeOffset.UtcNow.AddDays(3)), cancellationToken);
        await subscriptions.SaveAsync(new SubscriptionRecord(Tenant, SubscriptionId + "-calls", Core.Capture.CallCapture.Scope, MailboxResource.CallRecords,
            ClientStates.Hash(ClientState), DateTimeOffset.UtcNow.AddDays(3)), cancellationToken);
    }
}
