using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Traces;

/// <summary>Where an item was seen: a notification, the capture step's fetch, a delta page, or a mailbox export.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TraceStage>))]
public enum TraceStage
{
    Received,
    Fetched,
    Synced,
    Imported,
}
