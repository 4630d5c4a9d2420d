using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models.ODataErrors;
using SalesFunctions.Core.Subscriptions;

namespace SalesFunctions.Graph;

/// <summary>
/// The user behind a mailbox through the Graph SDK: only its id and proxyAddresses. Reading them needs User.Read.All;
/// without it (403), or for a mailbox Graph does not know (404), capture starts on the imported addresses alone.
/// </summary>
public sealed partial class GraphMailboxUserReader(GraphServiceClients clients, ILogger<GraphMailboxUserReader> logger) : IMailboxUserReader
{
    public async Task<MailboxUser?> ReadAsync(string tenantId, string mailbox, CancellationToken cancellationToken)
    {
        try
        {
            var user = await clients.ForTenant(tenantId).Users[mailbox].GetAsync(request => request.QueryParameters.Select = ["id", "proxyAddresses"], cancellationToken);
            if (user?.Id is not { } id)
            {
                return null;
            }

            // "SMTP:" marks the primary address, "smtp:" the others; X500, SIP and other kinds are not mail addresses.
            var smtp = (user.ProxyAddresses ?? []).OfType<string>()
                .Where(a => a.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase)).Select(a => a[5..]).ToList();
            return new MailboxUser(id, smtp);
        }
        catch (ODataError e) when (e.ResponseStatusCode is 403 or 404)
        {
            LogNotRead(logger, e.ResponseStatusCode);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The user behind a mailbox could not be read (HTTP {Status}): its other addresses are not added; User.Read.All grants it (docs/deploy.md)")]
    private static partial void LogNotRead(ILogger logger, int status);
}
