using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>What a subscription watches: a mailbox's messages or events, or a tenant's Teams call records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MailboxResource>))]
public enum MailboxResource
{
    Messages,
    Events,

    /// <summary>/communications/callRecords, one per tenant; its subscription's mailbox is <see cref="Capture.CallCapture.Scope"/>.</summary>
    CallRecords,
}
