namespace SalesFunctions.Core.Crm;

/// <summary>
/// A tenant's link to one CRM account: which provider, how its webhooks authenticate, and how its owners map to reps.
/// Secrets are app settings, which in Azure are Key Vault references (infra/), so they never sit in this repository
/// or in logs.
/// </summary>
public sealed class CrmConnector
{
    public string TenantId { get; set; } = string.Empty;

    public CrmProvider Provider { get; set; }

    /// <summary>HubSpot: the app's client secret (signature v1, v2 and v3). Generic: the shared HMAC secret.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// HubSpot v2 and v3 sign the URL exactly as HubSpot called it. Behind a proxy or the Functions front end the request
    /// may arrive with another scheme or host: this public base (e.g. https://sales.contoso.com) replaces them.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// HubSpot v2 and v3: the full public URL the webhook is registered under at HubSpot (e.g.
    /// https://sales.contoso.com/hooks/hubspot), for a proxy that rewrites the path as well; the request's query string
    /// is appended. Takes precedence over <see cref="PublicBaseUrl"/>.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Salesforce: the org whose outbound messages are accepted (15 or 18 characters).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Salesforce: the secret in the endpoint URL (?key=...), since outbound messages carry no signature.</summary>
    public string? UrlKey { get; set; }

    public DynamicsAuthMode DynamicsAuth { get; set; } = DynamicsAuthMode.WebhookKey;

    /// <summary>Dynamics: the header or query pairs to require; for WebhookKey, the single entry "code".</summary>
    public Dictionary<string, string> DynamicsValues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Pipedrive: the HTTP Basic credentials configured on the webhook.</summary>
    public string? BasicUser { get; set; }

    public string? BasicPassword { get; set; }

    /// <summary>Generic: the header that carries hex HMAC-SHA256 of the raw body (with or without a "sha256=" prefix).</summary>
    public string SignatureHeader { get; set; } = "X-SalesFunctions-Signature";

    /// <summary>CRM owner (user) id → rep email, so that deals and cases count for the rep who owns them.</summary>
    public Dictionary<string, string> Owners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>HubSpot deal stages that mean won or lost (custom pipelines have their own stage ids).</summary>
    public List<string> WonStages { get; set; } = ["closedwon"];

    public List<string> LostStages { get; set; } = ["closedlost"];

    /// <summary>The currency of amounts that arrive without one (Dynamics sends a currency reference, not a code).</summary>
    public string? DefaultCurrency { get; set; }

    public IEnumerable<string> Validate(string id)
    {
        if (!Tenants.KeyText.IsSafeId(id))
        {
            yield return $"Crm:Connectors: id '{id}' must be 1-100 characters of letters, digits, '-', '_' or '.'.";
        }

        if (string.IsNullOrWhiteSpace(TenantId))
        {
            yield return $"Crm:Connectors:{id}:TenantId is required.";
        }

        var missing = Provider switch
        {
            CrmProvider.HubSpot or CrmProvider.Generic => string.IsNullOrEmpty(Secret) ? "Secret" : null,
            CrmProvider.Salesforce => string.IsNullOrEmpty(OrganizationId) ? "OrganizationId" : string.IsNullOrEmpty(UrlKey) ? "UrlKey" : null,
            CrmProvider.Dynamics => DynamicsValues.Count == 0 ? "DynamicsValues" : null,
            CrmProvider.Pipedrive => string.IsNullOrEmpty(BasicUser) ? "BasicUser" : string.IsNullOrEmpty(BasicPassword) ? "BasicPassword" : null,
            _ => "Provider",
        };
        if (missing is not null)
        {
            yield return $"Crm:Connectors:{id}:{missing} is required for provider {Provider}.";
        }

        if (Provider == CrmProvider.Salesforce && OrganizationId is { Length: not (15 or 18) })
        {
            yield return $"Crm:Connectors:{id}:OrganizationId must be a 15- or 18-character Salesforce id.";
        }

        if (Provider == CrmProvider.Dynamics && DynamicsAuth == DynamicsAuthMode.WebhookKey && !DynamicsValues.ContainsKey("code"))
        {
            yield return $"Crm:Connectors:{id}:DynamicsValues needs the entry 'code' for WebhookKey authentication.";
        }

        if (PublicBaseUrl is not null && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            yield return $"Crm:Connectors:{id}:PublicBaseUrl must be an absolute URL.";
        }

        if (PublicUrl is not null && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var publicUrl) || publicUrl.Query.Length > 0))
        {
            yield return $"Crm:Connectors:{id}:PublicUrl must be an absolute URL without a query string (the request's is appended).";
        }
    }
}
