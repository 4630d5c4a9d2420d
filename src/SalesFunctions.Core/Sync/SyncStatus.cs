using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Sync;

[JsonConverter(typeof(JsonStringEnumConverter<SyncStatus>))]
public enum SyncStatus
{
    /// <summary>Never synced: the next sync is a full one.</summary>
    New,

    /// <summary>In the middle of a round: the cursor is a nextLink to resume from.</summary>
    Walking,

    /// <summary>A round completed: the cursor is the deltaLink for the next one.</summary>
    Synced,

    /// <summary>The last attempt failed; LastError says how, and the sweep re-drives it.</summary>
    Failed,
}
