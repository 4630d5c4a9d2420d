using System.Xml;
using System.Xml.Linq;

namespace SalesFunctions.Core.Crm;

/// <summary>
/// Salesforce Outbound Messages: a SOAP 1.1 <c>notifications</c> element with 1–100 <c>Notification</c>s, each the
/// record's state at send time (protocols.md §4.1). Salesforce retries out of order for 24 hours, so each change is
/// versioned by the record's SystemModstamp, else LastModifiedDate. An outbound message carries only the fields its
/// admin selected: without either, the change is still accepted (refusing it would make Salesforce retry for 24 hours
/// and drop it) and versioned by the time the message was received, with a warning for the connector's status.
/// </summary>
internal static class SalesforcePayload
{
    public static readonly XNamespace Outbound = "http://soap.sforce.com/2005/09/outbound";
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const int MaxNotifications = 100;

    public const string MissingModstampWarning =
        "outbound messages lack SystemModstamp and LastModifiedDate: changes are ordered by the time they were received, so a late retry can overwrite a newer change; add SystemModstamp to the outbound message's fields";

    public static CrmPayload Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        XDocument document;
        try
        {
            // No DTDs and no resolver: an outbound message never has them, and they are how XML bodies attack parsers.
            using var stream = new MemoryStream(body.ToArray());
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new CrmPayloadException($"Not XML: {e.Message}", e);
        }

        var notifications = document.Root?.Element(Soap + "Body")?.Element(Outbound + "notifications")
            ?? throw new CrmPayloadException("Not a SOAP envelope with a notifications element in namespace http://soap.sforce.com/2005/09/outbound.");
        var organizationId = notifications.Element(Outbound + "OrganizationId")?.Value
            ?? throw new CrmPayloadException("notifications has no OrganizationId.");
        var items = notifications.Elements(Outbound + "Notification").ToList();
        if (items.Count is 0 or > MaxNotifications)
        {
            throw new CrmPayloadException($"notifications must hold 1 to {MaxNotifications} Notification elements, not {items.Count}.");
        }

        var changes = new List<CrmChange>();
        var ignored = 0;
        var unversioned = false;
        foreach (var item in items)
        {
            var change = Map(item, receivedAt, ref unversioned);
            if (change is null)
            {
                ignored++;
            }
            else
            {
                changes.Add(change);
            }
        }

        return new CrmPayload(changes, ignored, organizationId) { Warnings = unversioned ? [MissingModstampWarning] : [] };
    }

    private static CrmChange? Map(XElement notification, DateTimeOffset receivedAt, ref bool unversioned)
    {
        var id = notification.Element(Outbound + "Id")?.Value;
        var record = notification.Element(Outbound + "sObject");
        if (string.IsNullOrEmpty(id) || record is null)
        {
            throw new CrmPayloadException("A Notification lacks its Id or sObject.");
        }

        var type = (string?)record.Attribute(Xsi + "type") ?? string.Empty;
        type = type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..];
        CrmEntityKind? kind = type switch
        {
            "Opportunity" => CrmEntityKind.Deal,
            "Account" => CrmEntityKind.Account,
            "Contact" => CrmEntityKind.Contact,
            "Case" => CrmEntityKind.Case,

            // A logged call is a Task whose TaskSubtype is Call; other tasks (emails, to-dos) are not calls.
            "Task" when record.Elements().Any(e => e.Name.LocalName == "TaskSubtype" && e.Value == "Call") => CrmEntityKind.Call,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        // Field elements are in the sObject namespace; read them by local name.
        var values = record.Elements().Where(e => (string?)e.Attribute(Xsi + "nil") != "true")
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var externalId = values.GetValueOrDefault("Id")
            ?? throw new CrmPayloadException($"Notification {id}: the sObject has no Id field.");
        var version = CrmValues.ReadInstant(values.GetValueOrDefault("SystemModstamp") ?? values.GetValueOrDefault("LastModifiedDate"));
        unversioned |= version is null;

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { [CrmFields.Deleted] = CrmValues.Bool(false) };
        void Copy(string from, string to, Func<string, string?>? convert = null)
        {
            if (values.TryGetValue(from, out var value))
            {
                fields[to] = convert is null ? value : convert(value);
            }
        }

        switch (kind)
        {
            case CrmEntityKind.Deal:
                Copy("Name", CrmFields.Name);
                Copy("Amount", CrmFields.Amount, v => CrmValues.ReadNumber(v) is { } a ? CrmValues.Number(a) : null);
                Copy("CurrencyIsoCode", CrmFields.Currency);
                Copy("StageName", CrmFields.Stage);
                Copy("CloseDate", CrmFields.CloseDate, CrmValues.ParseInstant);
                Copy("CreatedDate", CrmFields.CreatedAt, CrmValues.ParseInstant);
                Copy("OwnerId", CrmFields.OwnerId);
                Copy("AccountId", CrmFields.AccountId);
                Copy("ForecastCategoryName", CrmFields.ForecastCategory);
                Copy("LeadSource", CrmFields.Source);
                Copy("Pricebook2Id", CrmFields.Pipeline);
                if (values.TryGetValue("IsClosed", out var closed))
                {
                    fields[CrmFields.Status] = closed != "true" ? CrmFields.Open : values.GetValueOrDefault("IsWon") == "true" ? CrmFields.Won : CrmFields.Lost;

                    // Salesforce sets CloseDate to the day an opportunity closes; before that it is the expected date.
                    fields[CrmFields.ClosedAt] = closed == "true" ? CrmValues.ParseInstant(values.GetValueOrDefault("CloseDate")) : null;
                }

                break;
            case CrmEntityKind.Account:
                Copy("Name", CrmFields.Name);
                Copy("Website", CrmFields.Domains, CrmValues.Domain);
                break;
            case CrmEntityKind.Contact:
                Copy("Email", CrmFields.Email);
                Copy("Phone", CrmFields.Phone);
                Copy("FirstName", CrmFields.FirstName);
                Copy("LastName", CrmFields.LastName);
                Copy("Title", CrmFields.Title);
                Copy("AccountId", CrmFields.AccountId);
                break;
            case CrmEntityKind.Case:
                Copy("CreatedDate", CrmFields.OpenedAt, CrmValues.ParseInstant);
                Copy("ClosedDate", CrmFields.ResolvedAt, CrmValues.ParseInstant);
                Copy("OwnerId", CrmFields.OwnerId);
                Copy("AccountId", CrmFields.AccountId);
                Copy("Status", CrmFields.Status);
                break;
            case CrmEntityKind.Call:
                // A Task has a due date (ActivityDate) but no start time; CompletedDateTime (API 53.0+) less the
                // duration is the call's start, else the time it was logged.
                Copy("OwnerId", CrmFields.OwnerId);
                Copy("WhoId", CrmFields.ContactId);
                Copy("AccountId", CrmFields.AccountId);
                Copy("CallDurationInSeconds", CrmFields.DurationSeconds, v => CrmValues.ReadNumber(v) is { } seconds ? CrmValues.Number(seconds) : null);
                Copy("CallType", CrmFields.Direction, v => v switch { "Inbound" => "inbound", "Outbound" => "outbound", _ => null });
                var completed = CrmValues.ReadInstant(values.GetValueOrDefault("CompletedDateTime"));
                var duration = CrmValues.ReadNumber(values.GetValueOrDefault("CallDurationInSeconds")) ?? 0m;
                fields[CrmFields.StartedAt] = completed is { } done ? CrmValues.Instant(done.AddSeconds((double)-duration))
                    : CrmValues.ParseInstant(values.GetValueOrDefault("CreatedDate"));
                break;
        }

        return new CrmChange(id, kind.Value, externalId, version ?? receivedAt, fields);
    }

    /// <summary>The notificationsResponse the WSDL expects; one Ack acknowledges every Notification of the message.</summary>
    public const string Ack =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
        + "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack></notificationsResponse>"
        + "</soapenv:Body></soapenv:Envelope>";
}
