namespace SalesFunctions.Core.Sync;

/// <summary>Where one mailbox folder's delta sync stands, explicit so that "why wasn't this captured?" has an answer.</summary>
public sealed record SyncState(
    string TenantId,
    string Mailbox,
    string Folder,
    SyncStatus Status,
    string? Cursor,
    DateTimeOffset? LastSuccessAt,
    SyncFailureKind? LastError,
    DateTimeOffset? LastErrorAt,
    long ItemsSeen)
{
    public static SyncState New(string tenantId, string mailbox, string folder) =>
        new(tenantId, mailbox, folder, SyncStatus.New, null, null, null, null, 0);
}
