namespace SalesFunctions.Core.Sync;

public static class SyncFolders
{
    public const string Inbox = "inbox";
    public const string SentItems = "sentitems";
    public const string Calendar = "calendar";

    /// <summary>Delta is per folder in Graph: each of these is tracked with its own cursor.</summary>
    public static IReadOnlyList<string> All { get; } = [Inbox, SentItems, Calendar];
}
