using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Subscriptions;

/// <summary>What a subscription watches in a mailbox.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MailboxResource>))]
public enum MailboxResource
{
    Messages,
    Events,
}
