using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace SalesFunctions.Graph;

/// <summary>
/// One GraphServiceClient per customer tenant: app-only tokens are issued by each tenant's own authority, so the
/// credential, and with it the client, is per tenant. Clients are kept for the life of the process, as the SDK advises.
/// </summary>
public sealed class GraphServiceClients(IHttpClientFactory httpClients, IOptions<GraphOptions> options)
{
    public const string HttpClientName = "graph";

    internal static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    private readonly ConcurrentDictionary<string, GraphServiceClient> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TokenCredential> _credentials = new(StringComparer.OrdinalIgnoreCase);

    public GraphServiceClient ForTenant(string tenantId) => _clients.GetOrAdd(tenantId, Create);

    private GraphServiceClient Create(string tenantId)
    {
        var settings = options.Value;
        var http = httpClients.CreateClient(HttpClientName);
        var baseUrl = settings.BaseUrl.ToString().TrimEnd('/');
        IAuthenticationProvider authentication = settings.Authentication switch
        {
            GraphAuthentication.None => new AnonymousAuthenticationProvider(),
            _ => new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(CredentialFor(tenantId), allowedHosts: null, observabilityOptions: null, isCaeEnabled: true, scopes: Scopes),
        };
        return new GraphServiceClient(http, authentication, baseUrl);
    }

    /// <summary>The tenant's app-only credential, one per tenant for the process, so its token cache is shared with the health check.</summary>
    internal TokenCredential CredentialFor(string tenantId) => _credentials.GetOrAdd(tenantId, t => Credential(t, options.Value));

    private static TokenCredential Credential(string tenantId, GraphOptions settings) => settings.Authentication switch
    {
        GraphAuthentication.Certificate => new ClientCertificateCredential(tenantId, settings.ClientId,
            X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath!, password: null)),
        _ => new ClientSecretCredential(tenantId, settings.ClientId, settings.ClientSecret),
    };
}
