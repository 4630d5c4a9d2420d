using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using SalesFunctions.Api.Endpoints;
using SalesFunctions.Api.Functions;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Functions.Triggers;

/// <summary>Route as in FunctionRegistry.CrmWebhook. Anonymous: each CRM authenticates its own way (signature, Basic, key or org).</summary>
public sealed class CrmWebhookFunction(CrmIngress ingress, IOptionsMonitor<CrmOptions> options)
{
    [Function(nameof(FunctionRegistry.CrmWebhook))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CrmWebhook)] HttpRequest request,
        string provider,
        string connectorId,
        CancellationToken cancellationToken) =>
        CrmEndpoints.AcceptAsync(request, provider, connectorId, ingress, options, cancellationToken);
}
