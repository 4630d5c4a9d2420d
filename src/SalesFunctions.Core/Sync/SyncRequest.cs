namespace SalesFunctions.Core.Sync;

/// <summary>The "sync" queue message: walk one mailbox folder's delta from its stored cursor.</summary>
/// <param name="Folder">A well-known folder: inbox, sentitems, or calendar (calendarView over the configured window).</param>
public sealed record SyncRequest(string TenantId, string Mailbox, string Folder, string Reason);
