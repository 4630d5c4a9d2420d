namespace SalesFunctions.Core.Sync;

/// <summary>Graph delta queries: metadata only. Throws <see cref="SyncException"/> with a classified kind.</summary>
public interface IMailboxDelta
{
    /// <param name="link">A nextLink or deltaLink from an earlier page, used as is; null starts a full round.</param>
    Task<DeltaPage> GetPageAsync(string tenantId, string mailbox, string folder, string? link, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of the mail folders a user files mail into: every visible folder and subfolder except Inbox and Sent Items
    /// (tracked by name) and those that never hold a sales conversation (Drafts, Deleted Items, Junk Email, Outbox,
    /// Conversation History).
    /// </summary>
    Task<IReadOnlyList<string>> ListFiledFoldersAsync(string tenantId, string mailbox, CancellationToken cancellationToken);
}
