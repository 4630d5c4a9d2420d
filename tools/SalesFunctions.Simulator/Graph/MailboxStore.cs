using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Graph;

/// <summary>The simulated Exchange store: item copies per mailbox and folder, in the order they arrived.</summary>
public sealed class MailboxStore
{
    private readonly ConcurrentDictionary<(string Mailbox, string Id), ItemCopy> _items = new();
    private readonly HashSet<string> _mailboxes;
    private long _sequence;

    public MailboxStore(DemoOrganisation organisation) =>
        _mailboxes = organisation.Mailboxes.Select(m => m.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool HasMailbox(string mailbox) => _mailboxes.Contains(mailbox);

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

    /// <summary>Copies in a mailbox folder (or the calendar) added after <paramref name="afterSequence"/>, oldest first.</summary>
    public IReadOnlyList<ItemCopy> Since(string mailbox, string folder, long afterSequence) =>
        _items.Values.Where(c => string.Equals(c.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase) && c.Folder == folder && c.Sequence > afterSequence)
            .OrderBy(c => c.Sequence).ToList();

    public long CurrentSequence => Interlocked.Read(ref _sequence);

    private ItemCopy Store(string mailbox, string folder, SimEmail? email, SimMeeting? meeting)
    {
        var owner = mailbox.ToLowerInvariant();
        var sourceId = email?.InternetMessageId ?? meeting!.ICalUId;
        var id = "AAMk" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{owner}|{folder}|{sourceId}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var copy = new ItemCopy(id, owner, folder, Interlocked.Increment(ref _sequence), email, meeting);
        _items[(owner, id)] = copy;
        return copy;
    }
}
