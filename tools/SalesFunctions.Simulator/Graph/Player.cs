using SalesFunctions.Simulator.Organisation;

namespace SalesFunctions.Simulator.Graph;

/// <summary>Writes the organisation's activity into the mailboxes, day by day, and notifies the subscribers.</summary>
public sealed class Player(DemoOrganisation organisation, MailboxStore store, NotificationPublisher publisher, SimulatorOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<SimEmail> _playedEmails = [];
    private readonly List<SimMeeting> _playedMeetings = [];
    private readonly List<ItemCopy> _playedCopies = [];
    private int _tidyRounds;
    private int _historyEmailsPlayed;

    public IReadOnlyList<SimEmail> PlayedEmails { get { lock (_lock) { return [.. _playedEmails]; } } }

    public IReadOnlyList<SimMeeting> PlayedMeetings { get { lock (_lock) { return [.. _playedMeetings]; } } }

    /// <summary>Plays the days not played yet, up to <paramref name="days"/> from the first day (all when null), notifying subscribers unless told not to.</summary>
    public async Task<PublishSummary> PlayAsync(int? days, CancellationToken cancellationToken, bool notify = true)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var until = new DateTimeOffset(options.FirstDay.AddDays(days ?? options.Days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var copies = new List<ItemCopy>();
            lock (_lock)
            {
                foreach (var email in organisation.Emails.Skip(_historyEmailsPlayed).TakeWhile(e => e.SentAt < until))
                {
                    copies.AddRange(store.Add(email));
                    _playedEmails.Add(email);
                    _historyEmailsPlayed++;
                }

                foreach (var meeting in organisation.Meetings.Skip(_playedMeetings.Count).TakeWhile(m => m.Start < until))
                {
                    copies.AddRange(store.Add(meeting));
                    _playedMeetings.Add(meeting);
                }
            }

            lock (_lock)
            {
                _playedCopies.AddRange(copies);
            }

            // Without notifications the items are only in the mailboxes, as when Graph drops or loses them.
            return notify ? await publisher.PublishAsync(copies, cancellationToken) : new PublishSummary(copies.Count, 0, 0, 0, 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Delivers one email now, outside the organisation's generated history (a benchmark's stamped item): it goes into
    /// the mailboxes of everyone on it, counts in the ground truth, and its notifications are sent.
    /// </summary>
    public async Task<PublishSummary> DeliverAsync(SimEmail email, CancellationToken cancellationToken)
    {
        List<ItemCopy> copies;
        lock (_lock)
        {
            copies = [.. store.Add(email)];
            _playedEmails.Add(email);
            _playedCopies.AddRange(copies);
        }

        return await publisher.PublishAsync(copies, cancellationToken);
    }

    /// <summary>Sends every notification played so far once more, as Graph may after a timeout: nothing may change.</summary>
    public async Task<PublishSummary> ReplayAsync(CancellationToken cancellationToken)
    {
        List<ItemCopy> copies;
        lock (_lock)
        {
            copies = [.. _playedCopies];
        }

        return await publisher.PublishAsync(copies, cancellationToken);
    }

    /// <summary>
    /// Users tidying up: of the mail played so far, a share of each mailbox's Inbox and Sent Items copies is filed into
    /// the user's own folders and another share deleted (moved to Deleted Items), chosen by a hash of the item so that
    /// repeated calls pick further items. Filed copies are new items and are notified, as Graph notifies a created
    /// item in its new folder; nothing of the organisation's activity changes, so the ground truth stays the same.
    /// </summary>
    public async Task<PublishSummary> TidyAsync(double fileShare, double deleteShare, bool notify, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var moved = new List<ItemCopy>();
            lock (_lock)
            {
                for (var i = 0; i < _playedCopies.Count; i++)
                {
                    var copy = _playedCopies[i];
                    if (!copy.IsMessage || copy.Folder is not ("inbox" or "sentitems"))
                    {
                        continue;
                    }

                    var roll = (BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(copy.Id + _tidyRounds))) % 10_000) / 10_000.0;
                    var target = roll < fileShare ? MailboxStore.FiledFolders[(int)(roll * 1000) % MailboxStore.FiledFolders.Count]
                        : roll < fileShare + deleteShare ? "deleteditems" : null;
                    if (target is not null && store.Move(copy, target) is { } now)
                    {
                        _playedCopies[i] = now;
                        moved.Add(now);
                    }
                }

                _tidyRounds++;
            }

            var filed = moved.Where(c => c.Folder != "deleteditems").ToList();
            return notify ? await publisher.PublishAsync(filed, cancellationToken) with { ItemsWritten = moved.Count } : new PublishSummary(moved.Count, 0, 0, 0, 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
