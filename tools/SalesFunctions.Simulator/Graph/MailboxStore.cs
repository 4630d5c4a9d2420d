using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Graph;

/// <summary>
/// The simulated Exchange store: item copies per mailbox and folder, in the order they arrived, with the folders
/// Outlook creates and two a user filed mail into ("Customers" at the top, "Deals" under Inbox). Moving an item leaves
/// a removal in its old folder's delta and a new item, with a new id, in the new folder, as Exchange does.
/// </summary>
public sealed class MailboxStore
{
    private readonly ConcurrentDictionary<(string Mailbox, string Id), ItemCopy> _items = new();
    private readonly Dictionary<(string Mailbox, string Folder), List<FolderEntry>> _folders = [];
    private readonly HashSet<string> _mailboxes;
    private readonly Lock _lock = new();
    private long _sequence;

    public MailboxStore(DemoOrganisation organisation) =>
        _mailboxes = organisation.Mailboxes.Select(m => m.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every mail folder of every mailbox: well-known name (or a filed folder's key), display name, parent.</summary>
    public static IReadOnlyList<SimFolder> Folders { get; } =
    [
        new("inbox", "Inbox", null), new("sentitems", "Sent Items", null), new("drafts", "Drafts", null),
        new("deleteditems", "Deleted Items", null), new("junkemail", "Junk Email", null), new("outbox", "Outbox", null),
        new("archive", "Archive", null), new("customers", "Customers", null), new("deals", "Deals", "inbox"),
    ];

    /// <summary>The folders a user filed mail into; the others are Outlook's own.</summary>
    public static IReadOnlyList<string> FiledFolders { get; } = ["customers", "deals"];

    public bool HasMailbox(string mailbox) => _mailboxes.Contains(mailbox);

    /// <summary>A folder's Graph id in one mailbox: opaque and different in each, as in Exchange.</summary>
    public static string FolderId(string mailbox, string folder) => "AQMk" + Hash($"{mailbox.ToLowerInvariant()}|folder|{folder}");

    /// <summary>The folder key for a well-known name or a folder id of that mailbox; null when there is none.</summary>
    public static string? ResolveFolder(string mailbox, string nameOrId) =>
        Folders.FirstOrDefault(f => string.Equals(f.Key, nameOrId, StringComparison.OrdinalIgnoreCase) && !FiledFolders.Contains(f.Key)
            || FolderId(mailbox, f.Key) == nameOrId)?.Key;

    public IReadOnlyList<ItemCopy> Add(SimEmail email)
    {
        var copies = new List<ItemCopy>();
        if (email.From.Internal)
        {
            copies.Add(Store(email.From.Email, email.IsDraft ? "drafts" : "sentitems", email, null));
        }

        if (!email.IsDraft)
        {
            foreach (var recipient in email.To.Concat(email.Cc).Where(p => p.Internal && p != email.From).DistinctBy(p => p.Email))
            {
                copies.Add(Store(recipient.Email, "inbox", email, null));
            }
        }

        return copies;
    }

    public IReadOnlyList<ItemCopy> Add(SimMeeting meeting) =>
        meeting.Everyone.Where(p => p.Internal).DistinctBy(p => p.Email).Select(p => Store(p.Email, "calendar", null, meeting)).ToList();

    public ItemCopy? Find(string mailbox, string id) =>
        _items.TryGetValue((mailbox.ToLowerInvariant(), id), out var copy) ? copy : null;

    /// <summary>Moves a copy to another folder: the old id is gone, and the new copy is the newest item of its folder.</summary>
    public ItemCopy? Move(ItemCopy copy, string folder)
    {
        lock (_lock)
        {
            if (!_items.TryRemove((copy.Mailbox, copy.Id), out _))
            {
                return null;
            }

            Append(copy.Mailbox, copy.Folder, new FolderEntry(++_sequence, copy, Removed: true));
            return Store(copy.Mailbox, folder, copy.Email, copy.Meeting);
        }
    }

    /// <summary>
    /// What a delta round sees in a folder after <paramref name="afterSequence"/>, oldest first: items still there, and
    /// removals of items that were there before (a first round starting at 0 has nothing to remove).
    /// </summary>
    public IReadOnlyList<FolderEntry> Since(string mailbox, string folder, long afterSequence)
    {
        lock (_lock)
        {
            if (!_folders.TryGetValue((mailbox.ToLowerInvariant(), folder), out var entries))
            {
                return [];
            }

            // Entries are appended in sequence order: binary search for the first one after the cursor.
            var (low, high) = (0, entries.Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                (low, high) = entries[middle].Sequence <= afterSequence ? (middle + 1, high) : (low, middle);
            }

            var result = new List<FolderEntry>(entries.Count - low);
            for (var i = low; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (entry.Removed ? afterSequence > 0 && entry.Copy.Sequence <= afterSequence : _items.ContainsKey((entry.Copy.Mailbox, entry.Copy.Id)))
                {
                    result.Add(entry);
                }
            }

            return result;
        }
    }

    /// <summary>The items in a folder now, oldest first.</summary>
    public IReadOnlyList<ItemCopy> Items(string mailbox, string folder) => [.. Since(mailbox, folder, 0).Select(e => e.Copy)];

    public long CurrentSequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    private ItemCopy Store(string mailbox, string folder, SimEmail? email, SimMeeting? meeting)
    {
        var owner = mailbox.ToLowerInvariant();
        var sourceId = email?.InternetMessageId ?? meeting!.ICalUId;
        var id = "AAMk" + Hash($"{owner}|{folder}|{sourceId}");
        lock (_lock)
        {
            var copy = new ItemCopy(id, owner, folder, ++_sequence, email, meeting);
            _items[(owner, id)] = copy;
            Append(owner, folder, new FolderEntry(copy.Sequence, copy, Removed: false));
            return copy;
        }
    }

    private void Append(string mailbox, string folder, FolderEntry entry)
    {
        if (!_folders.TryGetValue((mailbox, folder), out var entries))
        {
            _folders[(mailbox, folder)] = entries = [];
        }

        entries.Add(entry);
    }

    private static string Hash(string text) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
