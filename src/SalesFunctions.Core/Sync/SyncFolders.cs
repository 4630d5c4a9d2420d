namespace SalesFunctions.Core.Sync;

/// <summary>
/// What a mailbox's sync is made of. Delta is per folder in Graph: Inbox, Sent Items and the calendar by well-known
/// name, and every folder the user filed mail into by its Graph folder id (found by <see cref="Discover"/>), each with
/// its own cursor. A message moved between folders is one activity: dedupe is by internetMessageId.
/// </summary>
public static class SyncFolders
{
    public const string Inbox = "inbox";
    public const string SentItems = "sentitems";
    public const string Calendar = "calendar";

    /// <summary>Not a folder: the request to list the mailbox's filed folders and sync each of them.</summary>
    public const string Discover = "folders";

    /// <summary>Tracked in every mailbox by name.</summary>
    public static IReadOnlyList<string> WellKnown { get; } = [Inbox, SentItems, Calendar];

    /// <summary>What a full resync of a mailbox queues: the well-known folders and the discovery of filed ones.</summary>
    public static IReadOnlyList<string> All { get; } = [Inbox, SentItems, Calendar, Discover];

    public static bool IsFiled(string folder) => !WellKnown.Contains(folder) && folder != Discover;
}
