using Microsoft.Extensions.Options;
using SalesFunctions.Core.Crm;

namespace SalesFunctions.Api.Endpoints;

public static class CrmEndpoints
{
    /// <summary>
    /// POST crm/{provider}/{connectorId}: each CRM authenticates its own way (CrmAuthenticator), so the route is
    /// anonymous to the host. The raw body is read once, unparsed, because every signature is over its exact bytes.
    /// </summary>
    public static async Task<IResult> AcceptAsync(
        HttpRequest request, string provider, string connectorId, CrmIngress ingress, IOptionsMonitor<CrmOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.MaxPayloadBytes;
        var body = await RequestBodies.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return RequestBodies.TooLarge(limit);
        }

        var url = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var result = await ingress.AcceptAsync(provider, connectorId, new CrmRequest(request.Method, url, headers, query, body), cancellationToken);
        return result.IsProblem
            ? Results.Problem(statusCode: result.Status, title: result.ProblemTitle, detail: result.ProblemDetail)
            : Results.Text(result.Body, result.ContentType, statusCode: result.Status);
    }
}
