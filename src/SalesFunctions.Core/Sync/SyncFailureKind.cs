using System.Text.Json.Serialization;

namespace SalesFunctions.Core.Sync;

/// <summary>The closed set of ways a sync can fail, each with one transition (see DeltaSyncService).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncFailureKind>))]
public enum SyncFailureKind
{
    Transient,
    Throttled,
    CursorExpired,
    PermissionDenied,
    NotFound,
    Unknown,
}
