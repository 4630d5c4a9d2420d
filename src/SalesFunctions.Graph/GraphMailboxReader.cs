using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using SalesFunctions.Core.Capture;

namespace SalesFunctions.Graph;

/// <summary>
/// Reads message and event metadata with an explicit $select, so bodies, subjects and previews never leave the
/// mailbox: the least data the KPIs need is the most we ever hold.
/// </summary>
public sealed class GraphMailboxReader(GraphServiceClients clients, MailboxRequestLimiter limiter) : IMailboxReader
{
    internal static readonly string[] MessageFields =
        ["id", "internetMessageId", "conversationId", "from", "toRecipients", "ccRecipients", "sentDateTime", "receivedDateTime", "isDraft"];

    internal static readonly string[] EventFields =
        ["id", "iCalUId", "organizer", "attendees", "start", "end", "isCancelled", "isAllDay", "type"];

    public async Task<MessageMetadata?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var message = await limiter.RunAsync(tenantId, mailbox, () => clients.ForTenant(tenantId).Users[mailbox].Messages[messageId]
                .GetAsync(request => request.QueryParameters.Select = MessageFields, cancellationToken), cancellationToken);
            return message is null ? null : GraphMapper.ToMetadata(message);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    public async Task<EventMetadata?> GetEventAsync(string tenantId, string mailbox, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            var calendarEvent = await limiter.RunAsync(tenantId, mailbox, () => clients.ForTenant(tenantId).Users[mailbox].Events[eventId].GetAsync(request =>
            {
                request.QueryParameters.Select = EventFields;

                // Without this Graph may answer in the mailbox's own zone; UTC needs no time-zone database to read.
                request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, cancellationToken), cancellationToken);
            return calendarEvent is null ? null : GraphMapper.ToMetadata(calendarEvent);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }
}
