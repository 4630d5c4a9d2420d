using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Privacy;
using SalesFunctions.Core.Tenants;

namespace SalesFunctions.Graph;

/// <summary>
/// Reads message and event metadata with an explicit $select, so bodies and previews never leave the mailbox, and
/// subjects only when the tenant's privacy policy keeps them: the least data the KPIs need is the most we ever hold.
/// </summary>
public sealed class GraphMailboxReader(GraphServiceClients clients, MailboxRequestLimiter limiter, TenantDirectoryCache directories) : IMailboxReader
{
    internal static readonly string[] MessageFields =
        ["id", "internetMessageId", "conversationId", "from", "toRecipients", "ccRecipients", "sentDateTime", "receivedDateTime", "isDraft"];

    internal static readonly string[] EventFields =
        ["id", "iCalUId", "organizer", "attendees", "start", "end", "isCancelled", "isAllDay", "type", "sensitivity"];

    internal const string SensitivityPropertyId = "Integer 0x0036";

    /// <summary>Messages carry their sensitivity only as a MAPI property; this asks for that one property.</summary>
    internal static readonly string[] SensitivityExpand = [$"singleValueExtendedProperties($filter=id eq '{SensitivityPropertyId}')"];

    /// <summary>The fields to select for this tenant: the subject is added only when its privacy policy keeps it.</summary>
    internal static async Task<string[]> FieldsAsync(TenantDirectoryCache directories, string tenantId, string[] fields, CancellationToken cancellationToken) =>
        (await directories.GetAsync(tenantId, cancellationToken)).Privacy.Subject == SubjectCapture.Off ? fields : [.. fields, "subject"];

    public async Task<MessageMetadata?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken cancellationToken)
    {
        var select = await FieldsAsync(directories, tenantId, MessageFields, cancellationToken);
        try
        {
            var message = await limiter.RunAsync(tenantId, mailbox, () => clients.ForTenant(tenantId).Users[mailbox].Messages[messageId]
                .GetAsync(request =>
                {
                    request.QueryParameters.Select = select;
                    request.QueryParameters.Expand = SensitivityExpand;
                }, cancellationToken), cancellationToken);
            return message is null ? null : GraphMapper.ToMetadata(message);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
        catch (Exception e) when (GraphThrottling.IsThrottling(e))
        {
            throw GraphThrottling.Throttled(e);
        }
    }

    public async Task<EventMetadata?> GetEventAsync(string tenantId, string mailbox, string eventId, CancellationToken cancellationToken)
    {
        var select = await FieldsAsync(directories, tenantId, EventFields, cancellationToken);
        try
        {
            var calendarEvent = await limiter.RunAsync(tenantId, mailbox, () => clients.ForTenant(tenantId).Users[mailbox].Events[eventId].GetAsync(request =>
            {
                request.QueryParameters.Select = select;

                // Without this Graph may answer in the mailbox's own zone; UTC needs no time-zone database to read.
                request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, cancellationToken), cancellationToken);
            return calendarEvent is null ? null : GraphMapper.ToMetadata(calendarEvent);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
        catch (Exception e) when (GraphThrottling.IsThrottling(e))
        {
            throw GraphThrottling.Throttled(e);
        }
    }
}
